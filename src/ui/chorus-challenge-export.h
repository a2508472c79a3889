/* chorus-challenge-export.h
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

typedef enum
{
  CHORUS_CHALLENGE_EXPORT_CSV,      /* the ranking, as chorus_ranking_dup_csv() writes it */
  CHORUS_CHALLENGE_EXPORT_PDF,      /* the report (chorus-challenge-report.c) */
  CHORUS_CHALLENGE_EXPORT_IMAGES,   /* the winners' images, without their metadata, into a folder */
} ChorusChallengeExportKind;

void  chorus_challenge_export        (GtkWidget                 *parent,
                                      ChorusChallengeExportKind  kind,
                                      ChorusChallenge           *challenge,
                                      ChorusRanking             *ranking,
                                      ChorusAwards              *awards);
guint chorus_challenge_export_images (ChorusAwards              *awards,
                                      const char                *folder,
                                      GError                   **error);

G_END_DECLS
