/* chorus-challenge-report.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chorus-awards.h"
#include "chorus-challenge.h"
#include "chorus-ranking.h"

G_BEGIN_DECLS

gboolean chorus_challenge_report_write_pdf (ChorusChallenge  *challenge,
                                            ChorusRanking    *ranking,
                                            ChorusAwards     *awards,
                                            const char       *path,
                                            GError          **error);

G_END_DECLS
