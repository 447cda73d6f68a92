/* bmb-date-format.h — kept so that code written before bmb-format.h compiles
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Use bmb-format.h: it formats dates, times and percentages in one place.
 */

#pragma once

#include "bmb-format.h"

#define bmb_format_iso_date bmb_format_iso_date
