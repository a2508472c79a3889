/* chorus-pdf.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

double   chorus_pdf_draw_text (cairo_t         *cr,
                               PangoContext    *context,
                               const char      *text,
                               double           x,
                               double           y,
                               double           width,
                               double           size,
                               gboolean         bold,
                               double           alpha,
                               PangoAlignment   alignment);
gboolean chorus_pdf_finish    (cairo_t         *cr,
                               GError         **error);

G_END_DECLS
