/* chorus-question.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean chorus_question_detect (const char *text,
                                 const char *language);

G_END_DECLS
