/* SPDX-License-Identifier: MIT */
/*
 * InvenSense MPU-6050 / MPU-6500 / MPU-9250 register map (the parts we use).
 * Sources: RM-MPU-6000A-00 rev 4.2 (MPU-6000/6050 register map),
 * RM-MPU-6500A-00 and RM-MPU-9250A-00. One register space, big-endian data.
 */
#ifndef BC_MPU6050_REGS_H
#define BC_MPU6050_REGS_H

#define MPU6050_ADDR_LOW  0x68 /* AD0 low */
#define MPU6050_ADDR_HIGH 0x69 /* AD0 high */

#define MPU6050_REG_SMPLRT_DIV	      0x19 /* rate = internal rate / (1 + div) */
#define MPU6050_REG_CONFIG	      0x1A /* DLPF_CFG [2:0] */
#define MPU6050_REG_GYRO_CONFIG	      0x1B /* FS_SEL [4:3] */
#define MPU6050_REG_ACCEL_CONFIG      0x1C /* AFS_SEL [4:3] */
#define MPU6500_REG_ACCEL_CONFIG2     0x1D /* A_DLPF_CFG [2:0], ACCEL_FCHOICE_B [3]; 6500/9250 */
#define MPU6050_REG_FIFO_EN	      0x23
#define MPU6050_REG_INT_PIN_CFG	      0x37
#define MPU6050_REG_INT_ENABLE	      0x38
#define MPU6050_REG_INT_STATUS	      0x3A
#define MPU6050_REG_ACCEL_XOUT_H      0x3B /* accel X,Y,Z, temp, gyro X,Y,Z: 14 bytes */
#define MPU6050_REG_TEMP_OUT_H	      0x41
#define MPU6050_REG_GYRO_XOUT_H	      0x43
#define MPU6050_REG_SIGNAL_PATH_RESET 0x68
#define MPU6050_REG_USER_CTRL	      0x6A
#define MPU6050_REG_PWR_MGMT_1	      0x6B
#define MPU6050_REG_PWR_MGMT_2	      0x6C
#define MPU6050_REG_FIFO_COUNT_H      0x72 /* FIFO_COUNT [15:8], then _L at 0x73 */
#define MPU6050_REG_FIFO_COUNT_L      0x73
#define MPU6050_REG_FIFO_R_W	      0x74 /* burst reads stay on this address */
#define MPU6050_REG_WHO_AM_I	      0x75

/* WHO_AM_I values */
#define MPU6050_WHO_AM_I_6050 0x68
#define MPU6050_WHO_AM_I_6500 0x70
#define MPU6050_WHO_AM_I_9250 0x71

/* CONFIG */
#define MPU6050_DLPF_CFG_MASK	 0x07
#define MPU6500_CONFIG_FIFO_MODE 0x40 /* 1: drop new data when full (6500 only) */

/* GYRO_CONFIG / ACCEL_CONFIG: full-scale select in bits 4:3 */
#define MPU6050_FS_SHIFT 3
#define MPU6050_FS_MASK	 0x18

/* ACCEL_CONFIG2 (6500/9250) */
#define MPU6500_ACCEL_FCHOICE_B 0x08 /* 1 bypasses the accel low-pass */
#define MPU6500_A_DLPF_CFG_MASK 0x07

/* FIFO_EN: what the chip pushes into the FIFO each sample, in register order */
#define MPU6050_FIFO_EN_TEMP  0x80
#define MPU6050_FIFO_EN_XG    0x40
#define MPU6050_FIFO_EN_YG    0x20
#define MPU6050_FIFO_EN_ZG    0x10
#define MPU6050_FIFO_EN_ACCEL 0x08

/* INT_PIN_CFG */
#define MPU6050_INT_LEVEL_LOW  0x80 /* active low (we use active high) */
#define MPU6050_INT_OPEN_DRAIN 0x40
#define MPU6050_INT_LATCH_EN   0x20 /* held until cleared (we use 50 µs pulses) */
#define MPU6050_INT_RD_CLEAR   0x10
#define MPU6050_INT_BYPASS_EN  0x02 /* auxiliary I2C bus joined to ours (I2C master off) */

/* INT_ENABLE / INT_STATUS */
#define MPU6050_INT_DATA_RDY   0x01
#define MPU6050_INT_FIFO_OFLOW 0x10

/* USER_CTRL */
#define MPU6050_USER_FIFO_EN	0x40
#define MPU6050_USER_I2C_MST_EN 0x20
#define MPU6050_USER_FIFO_RESET 0x04 /* works only while FIFO_EN is 0; self-clears */

/* PWR_MGMT_1 */
#define MPU6050_PWR1_DEVICE_RESET  0x80 /* self-clears; registers to defaults */
#define MPU6050_PWR1_SLEEP	   0x40 /* set after reset */
#define MPU6050_PWR1_CLKSEL_MASK   0x07
#define MPU6050_PWR1_CLKSEL_PLL_XG 0x01 /* PLL on the X gyro: better than the RC oscillator */

/* Internal sample rate with the low-pass on (DLPF_CFG 1..6), Hz: RM-MPU-6000A §4.2 */
#define MPU6050_INTERNAL_RATE_HZ 1000.0f

/* FIFO frame: accel X,Y,Z then gyro X,Y,Z, 16-bit big-endian each */
#define MPU6050_FIFO_FRAME_BYTES 12

#endif /* BC_MPU6050_REGS_H */
