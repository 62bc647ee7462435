/* SPDX-License-Identifier: MIT */
/*
 * Asahi Kasei magnetometers inside InvenSense 9-axis parts, the registers we
 * use. Both answer at 0x0C on the host bus once the IMU's I2C bypass is on
 * (INT_PIN_CFG BYPASS_EN, with its own I2C master off).
 *
 * AK8963 (inside the MPU-9250): AK8963 datasheet MS1356-E, register map;
 * also PS-MPU-9250A-01. AK09916 (inside the ICM-20948): DS-000189 §12–13.
 * Data little-endian, 16-bit two's complement, 0.15 µT per LSB.
 */
#ifndef BC_AK_MAGNETOMETER_REGS_H
#define BC_AK_MAGNETOMETER_REGS_H

#define AK_ADDR 0x0C /* CAD1 = CAD0 = 0 inside both packages */

/* Sensitivity in 16-bit output, µT per LSB (both parts); the AK8963's 14-bit mode is 0.6. */
#define AK_UT_PER_LSB_16BIT	0.15f
#define AK8963_UT_PER_LSB_14BIT 0.6f
/* Magnetic sensor overflow: |X| + |Y| + |Z| beyond this sets ST2.HOFL, µT. */
#define AK_OVERFLOW_SUM_UT 4912.0f

/* ST1 / ST2 bits, the same in both */
#define AK_ST1_DRDY 0x01 /* new data; cleared by reading ST2 */
#define AK_ST1_DOR  0x02 /* a measurement was skipped (not read in time) */
#define AK_ST2_HOFL 0x08 /* magnetic sensor overflow: the data is not a measurement */
#define AK_SRST	    0x01 /* soft reset, in CNTL2 (AK8963) or CNTL3 (AK09916) */

/* AK8963 */
#define AK8963_REG_WIA	   0x00 /* device ID */
#define AK8963_REG_INFO	   0x01
#define AK8963_REG_ST1	   0x02 /* ST1, HXL..HZH, ST2: one 8-byte burst */
#define AK8963_REG_HXL	   0x03
#define AK8963_REG_ST2	   0x09 /* reading it ends the data read (releases the data) */
#define AK8963_REG_CNTL1   0x0A /* BIT [4], MODE [3:0] */
#define AK8963_REG_CNTL2   0x0B /* SRST [0] */
#define AK8963_REG_ASAX	   0x10 /* fuse ROM sensitivity adjustment X, Y, Z */
#define AK8963_REG_ASAY	   0x11
#define AK8963_REG_ASAZ	   0x12
#define AK8963_WIA_VALUE   0x48
#define AK8963_BURST_BYTES 8

#define AK8963_CNTL1_16BIT	 0x10 /* BIT: 16-bit output (else 14-bit) */
#define AK8963_MODE_MASK	 0x0F
#define AK8963_MODE_POWER_DOWN	 0x00
#define AK8963_MODE_SINGLE	 0x01
#define AK8963_MODE_CONTINUOUS_1 0x02 /* 8 Hz */
#define AK8963_MODE_CONTINUOUS_2 0x06 /* 100 Hz */
#define AK8963_MODE_FUSE_ROM	 0x0F /* ASAX..ASAZ readable only in this mode */
#define AK8963_CNTL2_SRST	 0x01
#define AK8963_ST2_BITM		 0x10 /* mirrors CNTL1.BIT */
/* Mode changes go through power-down and wait at least 100 µs (MS1356-E, operation modes). */
#define AK_MODE_CHANGE_WAIT_US 100

/* AK09916 */
#define AK09916_REG_WIA1    0x00 /* company ID 0x48, as the AK8963's WIA */
#define AK09916_REG_WIA2    0x01 /* device ID */
#define AK09916_REG_ST1	    0x10 /* ST1, HXL..HZH, TMPS (dummy), ST2: one 9-byte burst */
#define AK09916_REG_HXL	    0x11
#define AK09916_REG_TMPS    0x17
#define AK09916_REG_ST2	    0x18
#define AK09916_REG_CNTL2   0x31 /* MODE [4:0] */
#define AK09916_REG_CNTL3   0x32 /* SRST [0] */
#define AK09916_WIA1_VALUE  0x48
#define AK09916_WIA2_VALUE  0x09
#define AK09916_BURST_BYTES 9

#define AK09916_MODE_MASK	  0x1F
#define AK09916_MODE_POWER_DOWN	  0x00
#define AK09916_MODE_SINGLE	  0x01
#define AK09916_MODE_CONTINUOUS_1 0x02 /* 10 Hz */
#define AK09916_MODE_CONTINUOUS_2 0x04 /* 20 Hz */
#define AK09916_MODE_CONTINUOUS_3 0x06 /* 50 Hz */
#define AK09916_MODE_CONTINUOUS_4 0x08 /* 100 Hz */
#define AK09916_CNTL3_SRST	  0x01

#endif /* BC_AK_MAGNETOMETER_REGS_H */
