/* SPDX-License-Identifier: MIT */
/*
 * TDK InvenSense ICM-20948 register map (the parts we use). Source:
 * DS-000189 rev 1.3. Four user banks share addresses 0x00..0x7E; REG_BANK_SEL
 * (0x7F, in every bank) picks one. Data big-endian, as on the MPU-6050.
 */
#ifndef BC_ICM20948_REGS_H
#define BC_ICM20948_REGS_H

#define ICM20948_ADDR_LOW  0x68 /* AD0 low: the MPU-6050's address too */
#define ICM20948_ADDR_HIGH 0x69

#define ICM20948_REG_BANK_SEL 0x7F /* USER_BANK [5:4] */
#define ICM20948_BANK_SHIFT   4

/* User bank 0 */
#define ICM20948_B0_WHO_AM_I	 0x00
#define ICM20948_B0_USER_CTRL	 0x03
#define ICM20948_B0_LP_CONFIG	 0x05
#define ICM20948_B0_PWR_MGMT_1	 0x06
#define ICM20948_B0_PWR_MGMT_2	 0x07
#define ICM20948_B0_INT_PIN_CFG	 0x0F
#define ICM20948_B0_INT_ENABLE	 0x10
#define ICM20948_B0_INT_ENABLE_1 0x11 /* RAW_DATA_0_RDY_EN [0] */
#define ICM20948_B0_INT_ENABLE_2 0x12 /* FIFO_OVERFLOW_EN [4:0] */
#define ICM20948_B0_INT_STATUS_1 0x1A
#define ICM20948_B0_INT_STATUS_2 0x1B /* FIFO_OVERFLOW_INT [4:0] */
#define ICM20948_B0_ACCEL_XOUT_H 0x2D /* accel X,Y,Z, gyro X,Y,Z, temp: 14 bytes */
#define ICM20948_B0_GYRO_XOUT_H	 0x33
#define ICM20948_B0_TEMP_OUT_H	 0x39
#define ICM20948_B0_FIFO_EN_1	 0x66
#define ICM20948_B0_FIFO_EN_2	 0x67
#define ICM20948_B0_FIFO_RST	 0x68 /* FIFO_RESET [4:0]: assert, then deassert */
#define ICM20948_B0_FIFO_MODE	 0x69 /* 0 stream (overwrite oldest), 1 snapshot */
#define ICM20948_B0_FIFO_COUNTH	 0x70
#define ICM20948_B0_FIFO_COUNTL	 0x71
#define ICM20948_B0_FIFO_R_W	 0x72 /* burst reads stay on this address */

/* User bank 2 */
#define ICM20948_B2_GYRO_SMPLRT_DIV    0x00 /* gyro ODR = 1.125 kHz / (1 + div) */
#define ICM20948_B2_GYRO_CONFIG_1      0x01 /* DLPFCFG [5:3], FS_SEL [2:1], FCHOICE [0] */
#define ICM20948_B2_ODR_ALIGN_EN       0x09
#define ICM20948_B2_ACCEL_SMPLRT_DIV_1 0x10 /* div [11:8] */
#define ICM20948_B2_ACCEL_SMPLRT_DIV_2 0x11 /* div [7:0]; accel ODR = 1.125 kHz / (1 + div) */
#define ICM20948_B2_ACCEL_CONFIG       0x14 /* DLPFCFG [5:3], FS_SEL [2:1], FCHOICE [0] */

#define ICM20948_WHO_AM_I_VALUE 0xEA

/* USER_CTRL */
#define ICM20948_USER_DMP_EN	 0x80
#define ICM20948_USER_FIFO_EN	 0x40
#define ICM20948_USER_I2C_MST_EN 0x20

/* PWR_MGMT_1 */
#define ICM20948_PWR1_DEVICE_RESET 0x80 /* self-clears; wakes up asleep (0x41) */
#define ICM20948_PWR1_SLEEP	   0x40
#define ICM20948_PWR1_LP_EN	   0x20
#define ICM20948_PWR1_CLKSEL_AUTO  0x01 /* PLL when ready, else internal */

/* INT_PIN_CFG */
#define ICM20948_INT_PIN_BYPASS_EN 0x02 /* auxiliary I2C bus (the AK09916) joined to ours */

/* INT_ENABLE_1 / INT_STATUS_1 */
#define ICM20948_INT1_RAW_DATA_0_RDY 0x01

/* FIFO_EN_2 */
#define ICM20948_FIFO_EN2_ACCEL	 0x10
#define ICM20948_FIFO_EN2_GYRO_Z 0x08
#define ICM20948_FIFO_EN2_GYRO_Y 0x04
#define ICM20948_FIFO_EN2_GYRO_X 0x02
#define ICM20948_FIFO_EN2_TEMP	 0x01

#define ICM20948_FIFO_RESET_ALL	   0x1F
#define ICM20948_FIFO_OVERFLOW_ALL 0x1F

/* GYRO_CONFIG_1 / ACCEL_CONFIG fields */
#define ICM20948_DLPFCFG_SHIFT 3
#define ICM20948_FS_SHIFT      1
#define ICM20948_FCHOICE       0x01 /* 1: low-pass on (rates below 1.125 kHz) */

/* Base rate with the low-pass on, Hz (DS-000189 §10.1). */
#define ICM20948_BASE_RATE_HZ 1125.0f

/* FIFO frame: accel X,Y,Z then gyro X,Y,Z, 16-bit big-endian */
#define ICM20948_FIFO_FRAME_BYTES 12

#endif /* BC_ICM20948_REGS_H */
