/* SPDX-License-Identifier: MIT */
/*
 * ST LSM6DS3 and LSM6DSOX register map (the parts we use). Sources: LSM6DS3
 * datasheet DocID026899, LSM6DSOX datasheet DS12814. Data little-endian.
 * The two share the control registers (CTRL1_XL..) but not the FIFO: the DS3
 * queues untagged words in a fixed pattern (Gx Gy Gz Ax Ay Az), the DSOX
 * queues 7-byte records (tag + X,Y,Z) read through FIFO_DATA_OUT_TAG.
 */
#ifndef BC_LSM6DS_REGS_H
#define BC_LSM6DS_REGS_H

#define LSM6DS_ADDR_LOW	 0x6A /* SA0 low */
#define LSM6DS_ADDR_HIGH 0x6B /* SA0 high */

/* Common */
#define LSM6DS_REG_DRDY_PULSE_CFG 0x0B /* DS3 DRDY_PULSE_CFG_G, DSOX COUNTER_BDR_REG1 */
#define LSM6DS_DRDY_PULSED	  0x80 /* 75 µs pulses instead of a level held until read */
#define LSM6DS_REG_INT1_CTRL	  0x0D
#define LSM6DS_REG_WHO_AM_I	  0x0F
#define LSM6DS_REG_CTRL1_XL	  0x10 /* ODR_XL [7:4], FS_XL [3:2], BW/LPF2 [1] */
#define LSM6DS_REG_CTRL2_G	  0x11 /* ODR_G [7:4], FS_G [3:2], FS_125 [1] */
#define LSM6DS_REG_CTRL3_C	  0x12 /* BOOT, BDU, IF_INC, SW_RESET */
#define LSM6DS_REG_CTRL4_C	  0x13
#define LSM6DS_REG_CTRL6_C	  0x15 /* DSOX: FTYPE [2:0] gyro LPF1 bandwidth */
#define LSM6DS_REG_CTRL8_XL	  0x17 /* DSOX: HPCF_XL [7:5] accel LPF2 bandwidth */
#define LSM6DS_REG_STATUS	  0x1E
#define LSM6DS_REG_OUTX_L_G	  0x22 /* gyro X,Y,Z then accel X,Y,Z: 12 bytes */
#define LSM6DS_REG_OUTX_L_XL	  0x28

#define LSM6DS3_WHO_AM_I_VALUE	0x69
#define LSM6DSOX_WHO_AM_I_VALUE 0x6C

/* ODR_XL / ODR_G / FIFO ODR / BDR codes: same numbering on both (Hz) */
#define LSM6DS_ODR_104HZ 0x4
#define LSM6DS_ODR_208HZ 0x5
#define LSM6DS_ODR_416HZ 0x6
#define LSM6DS_ODR_833HZ 0x7
#define LSM6DS_ODR_SHIFT 4

/* FS_XL codes: note the order (DS §9.12): 00 ±2, 01 ±16, 10 ±4, 11 ±8 */
#define LSM6DS_FS_XL_2G	 0x0
#define LSM6DS_FS_XL_16G 0x1
#define LSM6DS_FS_XL_4G	 0x2
#define LSM6DS_FS_XL_8G	 0x3
#define LSM6DS_FS_SHIFT	 2
/* FS_G codes: 00 ±250 (DS3: ±245), 01 ±500, 10 ±1000, 11 ±2000 */

/* CTRL1_XL */
#define LSM6DS3_BW_XL_MASK  0x03 /* DS3: analog anti-alias 00 400, 01 200, 10 100, 11 50 Hz */
#define LSM6DSOX_LPF2_XL_EN 0x02 /* DSOX: second accel low-pass (CTRL8_XL.HPCF_XL) */

/* CTRL3_C */
#define LSM6DS_CTRL3_BOOT     0x80
#define LSM6DS_CTRL3_BDU      0x40 /* output registers not updated mid-read */
#define LSM6DS_CTRL3_IF_INC   0x04 /* address auto-increment on bursts */
#define LSM6DS_CTRL3_SW_RESET 0x01 /* self-clears */

/* CTRL4_C */
#define LSM6DS3_XL_BW_SCAL_ODR 0x80 /* DS3: BW_XL chosen by us, not by ODR */
#define LSM6DSOX_LPF1_SEL_G    0x02 /* DSOX: gyro LPF1 bandwidth from CTRL6_C.FTYPE */

/* INT1_CTRL */
#define LSM6DS_INT1_DRDY_XL  0x01
#define LSM6DS_INT1_DRDY_G   0x02
#define LSM6DS_INT1_FIFO_TH  0x08
#define LSM6DS_INT1_FIFO_OVR 0x10

/* FIFO, LSM6DS3 (words of 16 bits) */
#define LSM6DS3_REG_FIFO_CTRL1	    0x06 /* FTH [7:0] */
#define LSM6DS3_REG_FIFO_CTRL2	    0x07 /* FTH [11:8] */
#define LSM6DS3_REG_FIFO_CTRL3	    0x08 /* DEC_FIFO_GYRO [5:3], DEC_FIFO_XL [2:0] */
#define LSM6DS3_REG_FIFO_CTRL4	    0x09
#define LSM6DS3_REG_FIFO_CTRL5	    0x0A /* ODR_FIFO [6:3], FIFO_MODE [2:0] */
#define LSM6DS3_REG_FIFO_STATUS1    0x3A /* DIFF_FIFO [7:0]: unread words */
#define LSM6DS3_REG_FIFO_STATUS2    0x3B /* WTM, OVER_RUN, FULL, EMPTY, DIFF_FIFO [11:8] */
#define LSM6DS3_REG_FIFO_STATUS3    0x3C /* FIFO_PATTERN [7:0]: which word comes next */
#define LSM6DS3_REG_FIFO_STATUS4    0x3D /* FIFO_PATTERN [9:8] */
#define LSM6DS3_REG_FIFO_DATA_OUT_L 0x3E /* bursts wrap between _L and _H */
#define LSM6DS3_REG_FIFO_DATA_OUT_H 0x3F
#define LSM6DS3_FIFO_DEC_NONE	    0x1 /* sensor in FIFO, no decimation */
#define LSM6DS3_FIFO_ODR_SHIFT	    3
#define LSM6DS3_STATUS2_OVER_RUN    0x40
#define LSM6DS3_STATUS2_EMPTY	    0x10
#define LSM6DS3_DIFF_HI_MASK	    0x0F
#define LSM6DS3_PATTERN_WORDS	    6 /* Gx Gy Gz Ax Ay Az at equal ODRs */

/* FIFO, LSM6DSOX (7-byte tagged records) */
#define LSM6DSOX_REG_FIFO_CTRL1	       0x07 /* WTM [7:0] */
#define LSM6DSOX_REG_FIFO_CTRL2	       0x08
#define LSM6DSOX_REG_FIFO_CTRL3	       0x09 /* BDR_GY [7:4], BDR_XL [3:0] */
#define LSM6DSOX_REG_FIFO_CTRL4	       0x0A /* FIFO_MODE [2:0] */
#define LSM6DSOX_REG_FIFO_STATUS1      0x3A /* DIFF_FIFO [7:0]: unread records */
#define LSM6DSOX_REG_FIFO_STATUS2      0x3B /* WTM_IA, OVR_IA, FULL_IA, ..., OVR_LATCHED, DIFF [9:8] */
#define LSM6DSOX_REG_FIFO_DATA_OUT_TAG 0x78 /* tag, then X_L..Z_H at 0x79..0x7E; wraps */
#define LSM6DSOX_STATUS2_OVR_IA	       0x40
#define LSM6DSOX_STATUS2_OVR_LATCHED   0x08
#define LSM6DSOX_DIFF_HI_MASK	       0x03
#define LSM6DSOX_TAG_SHIFT	       3 /* TAG_SENSOR [7:3], TAG_CNT [2:1], parity [0] */
#define LSM6DSOX_TAG_GYRO	       0x01
#define LSM6DSOX_TAG_ACCEL	       0x02
#define LSM6DSOX_RECORD_BYTES	       7

/* FIFO_MODE values (both) */
#define LSM6DS_FIFO_MODE_BYPASS	    0x0 /* FIFO off and emptied */
#define LSM6DS_FIFO_MODE_CONTINUOUS 0x6 /* newest data overwrites the oldest */
#define LSM6DS_FIFO_MODE_MASK	    0x7

#endif /* BC_LSM6DS_REGS_H */
