/* SPDX-License-Identifier: MIT */
/*
 * TDK InvenSense ICM-42688-P register map (the parts we use). Source:
 * DS-000347 (register map and register descriptions, user bank 0). Five user banks share addresses
 * 0x00..0x7F; REG_BANK_SEL (0x76, in every bank) picks one. Everything we
 * touch lives in bank 0. Sensor data and the FIFO count are big-endian by
 * default (INTF_CONFIG0).
 *
 * Its WHO_AM_I sits at 0x75 like the MPU-6050 family's, at the same
 * addresses (0x68/0x69): only the value (0x47) tells it apart.
 */
#ifndef BC_ICM42688_REGS_H
#define BC_ICM42688_REGS_H

#define ICM42688_ADDR_LOW  0x68 /* AP_AD0 low: the MPU-6050's address too */
#define ICM42688_ADDR_HIGH 0x69

/* User bank 0 */
#define ICM42688_REG_DEVICE_CONFIG	0x11 /* SOFT_RESET_CONFIG [0] */
#define ICM42688_REG_INT_CONFIG		0x14 /* INT1 mode, drive, polarity */
#define ICM42688_REG_FIFO_CONFIG	0x16 /* FIFO_MODE [7:6] */
#define ICM42688_REG_TEMP_DATA1		0x1D /* temp, accel X,Y,Z, gyro X,Y,Z: 14 bytes */
#define ICM42688_REG_ACCEL_DATA_X1	0x1F
#define ICM42688_REG_GYRO_DATA_X1	0x25
#define ICM42688_REG_INT_STATUS		0x2D /* clear on read; then FIFO_COUNTH/L */
#define ICM42688_REG_FIFO_COUNTH	0x2E /* reading it latches FIFO_COUNTL */
#define ICM42688_REG_FIFO_COUNTL	0x2F
#define ICM42688_REG_FIFO_DATA		0x30 /* burst reads stay on this address */
#define ICM42688_REG_SIGNAL_PATH_RESET	0x4B /* FIFO_FLUSH [1] */
#define ICM42688_REG_INTF_CONFIG0	0x4C /* FIFO count units and endianness */
#define ICM42688_REG_PWR_MGMT0		0x4E /* GYRO_MODE [3:2], ACCEL_MODE [1:0] */
#define ICM42688_REG_GYRO_CONFIG0	0x4F /* GYRO_FS_SEL [7:5], GYRO_ODR [3:0] */
#define ICM42688_REG_ACCEL_CONFIG0	0x50 /* ACCEL_FS_SEL [7:5], ACCEL_ODR [3:0] */
#define ICM42688_REG_GYRO_CONFIG1	0x51
#define ICM42688_REG_GYRO_ACCEL_CONFIG0 0x52 /* ACCEL_UI_FILT_BW [7:4], GYRO_UI_FILT_BW [3:0] */
#define ICM42688_REG_ACCEL_CONFIG1	0x53
#define ICM42688_REG_TMST_CONFIG	0x54
#define ICM42688_REG_FIFO_CONFIG1	0x5F /* what a FIFO packet carries */
#define ICM42688_REG_INT_CONFIG1	0x64 /* INT_ASYNC_RESET [4] */
#define ICM42688_REG_INT_SOURCE0	0x65 /* what drives INT1 */
#define ICM42688_REG_WHO_AM_I		0x75
#define ICM42688_REG_BANK_SEL		0x76 /* BANK_SEL [2:0], present in every bank */

#define ICM42688_WHO_AM_I_VALUE 0x47

/* DEVICE_CONFIG */
#define ICM42688_SOFT_RESET 0x01 /* self-clears; wait 1 ms before any access (DEVICE_CONFIG) */

/* INT_CONFIG: we use INT1 active high, push-pull, pulsed */
#define ICM42688_INT1_ACTIVE_HIGH 0x01
#define ICM42688_INT1_PUSH_PULL	  0x02
#define ICM42688_INT1_LATCHED	  0x04

/* FIFO_CONFIG */
#define ICM42688_FIFO_MODE_MASK	  0xC0
#define ICM42688_FIFO_MODE_BYPASS 0x00
#define ICM42688_FIFO_MODE_STREAM 0x40 /* stream-to-FIFO: the oldest packets give way */
#define ICM42688_FIFO_MODE_STOP	  0x80 /* stop-on-full */

/* INT_STATUS */
#define ICM42688_INT_AGC_RDY	0x01
#define ICM42688_INT_FIFO_FULL	0x02
#define ICM42688_INT_FIFO_THS	0x04
#define ICM42688_INT_DATA_RDY	0x08
#define ICM42688_INT_RESET_DONE 0x10
#define ICM42688_INT_PLL_RDY	0x20

/* SIGNAL_PATH_RESET */
#define ICM42688_FIFO_FLUSH 0x02 /* self-clears */

/* INTF_CONFIG0: the reset value 0x30 gives byte counts, both big-endian */
#define ICM42688_INTF0_SENSOR_DATA_BE 0x10
#define ICM42688_INTF0_FIFO_COUNT_BE  0x20
#define ICM42688_INTF0_FIFO_COUNT_REC 0x40 /* count in packets instead of bytes */
#define ICM42688_INTF0_RESET_VALUE    0x30

/* PWR_MGMT0 */
#define ICM42688_PWR_GYRO_MODE_MASK  0x0C
#define ICM42688_PWR_GYRO_LN	     0x0C /* low-noise mode */
#define ICM42688_PWR_ACCEL_MODE_MASK 0x03
#define ICM42688_PWR_ACCEL_LN	     0x03
/* After turning the gyro on, no register writes for 200 µs (PWR_MGMT0 note). */
#define ICM42688_GYRO_ON_QUIET_US 200
/* Start-up to valid data: gyro 30 ms, accel 10 ms (DS-000347 table 1–2). */
#define ICM42688_GYRO_STARTUP_MS 30

/* GYRO_CONFIG0 / ACCEL_CONFIG0 */
#define ICM42688_FS_SHIFT 5
#define ICM42688_FS_MASK  0xE0
#define ICM42688_ODR_MASK 0x0F
/* ODR codes, shared by gyro and accel (GYRO_CONFIG0, ACCEL_CONFIG0) */
#define ICM42688_ODR_1KHZ  0x06
#define ICM42688_ODR_200HZ 0x07
#define ICM42688_ODR_100HZ 0x08
#define ICM42688_ODR_50HZ  0x09
#define ICM42688_ODR_500HZ 0x0F
/* FS_SEL codes: 0 is the widest range */
#define ICM42688_GYRO_FS_2000DPS 0
#define ICM42688_GYRO_FS_1000DPS 1
#define ICM42688_GYRO_FS_500DPS	 2
#define ICM42688_GYRO_FS_250DPS	 3
#define ICM42688_ACCEL_FS_16G	 0
#define ICM42688_ACCEL_FS_8G	 1
#define ICM42688_ACCEL_FS_4G	 2
#define ICM42688_ACCEL_FS_2G	 3

/* GYRO_ACCEL_CONFIG0: UI filter bandwidth codes, low-noise mode */
#define ICM42688_ACCEL_BW_SHIFT 4
#define ICM42688_BW_MASK	0x0F
/* Code 0: ODR / 2; codes 1..7: max(400 Hz, ODR) / {4, 5, 8, 10, 16, 20, 40}. */
#define ICM42688_BW_ODR_DIV_2 0
#define ICM42688_BW_FLOOR_HZ  400.0f

/* FIFO_CONFIG1 */
#define ICM42688_FIFO_ACCEL_EN 0x01
#define ICM42688_FIFO_GYRO_EN  0x02
#define ICM42688_FIFO_TEMP_EN  0x04
#define ICM42688_FIFO_HIRES_EN 0x10

/* INT_CONFIG1: the reset value sets INT_ASYNC_RESET, which must be cleared
 * for INT1 and INT2 to work (INT_CONFIG1 note). INT_TPULSE_DURATION 0 = 100 µs pulses. */
#define ICM42688_INT_ASYNC_RESET 0x10

/* INT_SOURCE0 */
#define ICM42688_INT1_FIFO_FULL_EN  0x02
#define ICM42688_INT1_FIFO_THS_EN   0x04
#define ICM42688_INT1_UI_DRDY_EN    0x08
#define ICM42688_INT1_RESET_DONE_EN 0x10

/*
 * FIFO packet 3 (DS-000347 FIFO packet structure): header, accel X,Y,Z, gyro X,Y,Z (16-bit big-endian),
 * temperature (8 bit: °C = raw / 2.07 + 25), timestamp (16 bit). 16 bytes.
 */
#define ICM42688_PACKET3_BYTES	   16
#define ICM42688_PACKET12_BYTES	   8	/* packet 1 (accel) or 2 (gyro) alone */
#define ICM42688_HDR_MSG	   0x80 /* 1: the FIFO is empty, no data follows */
#define ICM42688_HDR_ACCEL	   0x40
#define ICM42688_HDR_GYRO	   0x20
#define ICM42688_HDR_20BIT	   0x10 /* packet 4 (high resolution) */
#define ICM42688_HDR_TMST_MASK	   0x0C
#define ICM42688_HDR_TMST_ODR	   0x08 /* the timestamp field holds the ODR timestamp */
#define ICM42688_HDR_ODR_ACCEL	   0x02
#define ICM42688_HDR_ODR_GYRO	   0x01
#define ICM42688_PKT3_ACCEL_OFFSET 1
#define ICM42688_PKT3_GYRO_OFFSET  7
#define ICM42688_PKT3_TEMP_OFFSET  13
#define ICM42688_PKT3_TMST_OFFSET  14

/* FIFO capacity, bytes (2 KiB) */
#define ICM42688_FIFO_BYTES 2048

#endif /* BC_ICM42688_REGS_H */
