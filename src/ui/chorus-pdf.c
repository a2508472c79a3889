/* chorus-pdf.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-error.h"
#include "chorus-pdf.h"

/* What the PDF reports share (chorus-campaign-report.c,
 * chorus-challenge-report.c). */

/**
 * chorus_pdf_draw_text:
 * @x: (in points): where the text starts, from the page's left edge
 * @y: (in points): where its first line's top is
 * @width: how wide it may run before it wraps
 * @size: the font's size, in points
 * @alpha: how dark the ink is, 0 to 1
 *
 * Draws @text in the reports' font and ink.
 *
 * Returns: its height, in points
 */
double
chorus_pdf_draw_text (cairo_t        *cr,
                      PangoContext   *context,
                      const char     *text,
                      double          x,
                      double          y,
                      double          width,
                      double          size,
                      gboolean        bold,
                      double          alpha,
                      PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell");
  int height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);

  cairo_set_source_rgba (cr, 0.1, 0.1, 0.12, alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return height;
}

/**
 * chorus_pdf_finish:
 * @cr: (transfer full): drawing on a cairo PDF surface, which it holds
 * @error: a location for a #GError
 *
 * Ends the last page and writes the file out, dropping @cr and its
 * surface.
 *
 * Returns: %FALSE with @error set when the file could not be written
 */
gboolean
chorus_pdf_finish (cairo_t  *cr,
                   GError  **error)
{
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));
  cairo_status_t status;

  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s is the reason, from the drawing library. */
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_FAILED, _("The report could not be written: %s."),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
