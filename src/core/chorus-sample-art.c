/* chorus-sample-art.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gi18n-lib.h>

#include "chorus-error.h"
#include "chorus-sample-private.h"

/* Draws the design-challenge entries: flat, printable artwork of the kind a
 * community sends for a tee or a mug (badges, sunsets, waves, pines, contour
 * lines, night skies) with the entry's title lettered underneath. Letters
 * come from a small stroke font defined here rather than from system fonts,
 * so the PNG bytes are the same on every machine with the same cairo. */

typedef struct
{
  double r, g, b;
} Color;

typedef struct
{
  Color paper;
  Color main;
  Color second;
  Color accent;
  Color ink;
} Palette;

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const Palette palettes[] = {
  { RGB (0xF4EBD9), RGB (0x2F5D50), RGB (0xE07A3F), RGB (0xF2C14E), RGB (0x1E2D2F) },
  { RGB (0x1D2A3A), RGB (0xF2A541), RGB (0xE56B6F), RGB (0xB8D8D8), RGB (0xF7F3E3) },
  { RGB (0xE8F1F2), RGB (0x247BA0), RGB (0x70C1B3), RGB (0xFFB400), RGB (0x13293D) },
  { RGB (0xF6E7CB), RGB (0xA44A3F), RGB (0xD4A373), RGB (0x5B8E7D), RGB (0x2B2118) },
  { RGB (0x2E3B2F), RGB (0xD9ED92), RGB (0x76C893), RGB (0xF9C74F), RGB (0xF1FAEE) },
  { RGB (0xFFF8F0), RGB (0x3D405B), RGB (0xE07A5F), RGB (0x81B29A), RGB (0x3D405B) },
  { RGB (0xF3DFC1), RGB (0x6D2E46), RGB (0xA26769), RGB (0xD5B942), RGB (0x2D1E2F) },
  { RGB (0x0B3954), RGB (0xFF5A5F), RGB (0xBFD7EA), RGB (0xFFE74C), RGB (0xFEFFFE) },
};

/* Strokes on a 4 × 6 grid, y down; ';' lifts the pen. */
static const struct
{
  char        c;
  const char *strokes;
} glyphs[] = {
  { 'A', "0,6 2,0 4,6;1,4 3,4" },
  { 'B', "0,6 0,0 3,0 4,1 4,2 3,3 0,3;3,3 4,4 4,5 3,6 0,6" },
  { 'C', "4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5" },
  { 'D', "0,0 0,6 2,6 4,4 4,2 2,0 0,0" },
  { 'E', "4,0 0,0 0,6 4,6;0,3 3,3" },
  { 'F', "4,0 0,0 0,6;0,3 3,3" },
  { 'G', "4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,3 2,3" },
  { 'H', "0,0 0,6;4,0 4,6;0,3 4,3" },
  { 'I', "1,0 3,0;2,0 2,6;1,6 3,6" },
  { 'J', "4,0 4,5 3,6 1,6 0,5" },
  { 'K', "0,0 0,6;4,0 0,4;1,3 4,6" },
  { 'L', "0,0 0,6 4,6" },
  { 'M', "0,6 0,0 2,3 4,0 4,6" },
  { 'N', "0,6 0,0 4,6 4,0" },
  { 'O', "1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0" },
  { 'P', "0,6 0,0 3,0 4,1 4,2 3,3 0,3" },
  { 'Q', "1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0;2,4 4,6" },
  { 'R', "0,6 0,0 3,0 4,1 4,2 3,3 0,3;2,3 4,6" },
  { 'S', "4,1 3,0 1,0 0,1 0,2 1,3 3,3 4,4 4,5 3,6 1,6 0,5" },
  { 'T', "0,0 4,0;2,0 2,6" },
  { 'U', "0,0 0,5 1,6 3,6 4,5 4,0" },
  { 'V', "0,0 2,6 4,0" },
  { 'W', "0,0 1,6 2,3 3,6 4,0" },
  { 'X', "0,0 4,6;4,0 0,6" },
  { 'Y', "0,0 2,3 4,0;2,3 2,6" },
  { 'Z', "0,0 4,0 0,6 4,6" },
  { '0', "1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0;1,5 3,1" },
  { '1', "1,1 2,0 2,6;1,6 3,6" },
  { '2', "0,1 1,0 3,0 4,1 4,2 0,6 4,6" },
  { '3', "0,1 1,0 3,0 4,1 4,2 3,3 1,3;3,3 4,4 4,5 3,6 1,6 0,5" },
  { '4', "3,6 3,0 0,4 4,4" },
  { '5', "4,0 0,0 0,3 3,3 4,4 4,5 3,6 0,6" },
  { '6', "4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,4 3,3 0,3" },
  { '7', "0,0 4,0 1,6" },
  { '8', "1,0 3,0 4,1 4,2 3,3 1,3 0,2 0,1 1,0;1,3 0,4 0,5 1,6 3,6 4,5 4,4 3,3" },
  { '9', "4,3 1,3 0,2 0,1 1,0 3,0 4,1 4,5 3,6 1,6" },
  { '-', "1,3 3,3" },
  { '\'', "2,0 2,1.5" },
  { '.', "2,6 2,6" },
};

#define GLYPH_WIDTH 4.0
#define GLYPH_GAP 1.8

static const char *
find_glyph (char c)
{
  for (guint i = 0; i < G_N_ELEMENTS (glyphs); i++)
    {
      if (glyphs[i].c == c)
        return glyphs[i].strokes;
    }

  return NULL;
}

static void
set_color (cairo_t     *cr,
           const Color *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static void
trace_glyph (cairo_t    *cr,
             const char *strokes,
             double      x,
             double      y,
             double      unit)
{
  const char *p = strokes;
  gboolean pen_down = FALSE;

  while (*p != '\0')
    {
      char *end;
      double gx = g_ascii_strtod (p, &end);
      double gy = g_ascii_strtod (end + 1, &end);

      if (pen_down)
        cairo_line_to (cr, x + gx * unit, y + gy * unit);
      else
        cairo_move_to (cr, x + gx * unit, y + gy * unit);
      pen_down = TRUE;

      p = end;
      if (*p == ';')
        pen_down = FALSE;
      if (*p != '\0')
        p++;
    }
}

/* Letters @text centred on @cx with its top at @top, shrunk to fit @max_width. */
static void
draw_lettering (cairo_t     *cr,
                const char  *text,
                double       cx,
                double       top,
                double       cap_height,
                double       max_width,
                const Color *color)
{
  g_autofree char *upper = g_ascii_strup (text, -1);
  double unit = cap_height / 6.0;
  double width;
  double x;
  guint n = (guint) strlen (upper);

  width = n > 0 ? (n * (GLYPH_WIDTH + GLYPH_GAP) - GLYPH_GAP) * unit : 0;
  if (width > max_width)
    {
      unit *= max_width / width;
      width = max_width;
    }

  x = cx - width / 2;
  cairo_save (cr);
  cairo_set_line_width (cr, unit * 1.1);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_color (cr, color);

  for (guint i = 0; i < n; i++, x += (GLYPH_WIDTH + GLYPH_GAP) * unit)
    {
      const char *strokes = find_glyph (upper[i]);

      if (strokes != NULL)
        trace_glyph (cr, strokes, x, top, unit);
    }

  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
trace_range (cairo_t         *cr,
             ChorusSampleRng *rng,
             double           x0,
             double           x1,
             double           base,
             double           height,
             guint            peaks)
{
  double step = (x1 - x0) / (peaks * 2);

  cairo_move_to (cr, x0, base);
  for (guint i = 0; i < peaks * 2; i++)
    {
      double x = x0 + step * (i + 1);
      double y = i % 2 == 0 ? base - height * (0.55 + 0.45 * _chorus_sample_rng_double (rng))
                            : base - height * 0.25 * _chorus_sample_rng_double (rng);

      cairo_line_to (cr, x - step * 0.3 * _chorus_sample_rng_double (rng), y);
    }
  cairo_line_to (cr, x1, base);
  cairo_close_path (cr);
}

static void
draw_stars (cairo_t         *cr,
            ChorusSampleRng *rng,
            double           s,
            const Color     *color,
            guint            count)
{
  set_color (cr, color);
  for (guint i = 0; i < count; i++)
    {
      double x = 60 * s + _chorus_sample_rng_double (rng) * 392 * s;
      double y = 40 * s + _chorus_sample_rng_double (rng) * 200 * s;

      cairo_arc (cr, x, y, (1.5 + 2.5 * _chorus_sample_rng_double (rng)) * s, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_badge (cairo_t         *cr,
            ChorusSampleRng *rng,
            const Palette   *pal,
            double           s)
{
  double cx = 256 * s, cy = 210 * s, r = 165 * s;

  set_color (cr, &pal->main);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_arc (cr, cx, cy, r - 14 * s, 0, 2 * G_PI);
  cairo_clip (cr);
  set_color (cr, &pal->paper);
  cairo_paint (cr);
  set_color (cr, &pal->accent);
  cairo_arc (cr, cx + (_chorus_sample_rng_double (rng) - 0.5) * 120 * s, cy - 50 * s, 42 * s,
             0, 2 * G_PI);
  cairo_fill (cr);
  set_color (cr, &pal->second);
  trace_range (cr, rng, cx - r, cx + r, cy + 70 * s, 150 * s, 2 + _chorus_sample_rng_below (rng, 2));
  cairo_fill (cr);
  set_color (cr, &pal->main);
  trace_range (cr, rng, cx - r, cx + r, cy + r, 170 * s, 3 + _chorus_sample_rng_below (rng, 2));
  cairo_fill (cr);
  cairo_restore (cr);

  /* A ribbon across the badge carries the brand's name. */
  set_color (cr, &pal->accent);
  cairo_move_to (cr, cx - r - 20 * s, cy + 62 * s);
  cairo_line_to (cr, cx + r + 20 * s, cy + 62 * s);
  cairo_line_to (cr, cx + r + 4 * s, cy + 84 * s);
  cairo_line_to (cr, cx + r + 20 * s, cy + 106 * s);
  cairo_line_to (cr, cx - r - 20 * s, cy + 106 * s);
  cairo_line_to (cr, cx - r - 4 * s, cy + 84 * s);
  cairo_close_path (cr);
  cairo_fill (cr);
  draw_lettering (cr, "Tallpine", cx, cy + 73 * s, 22 * s, 240 * s, &pal->ink);
}

static void
draw_sunset (cairo_t         *cr,
             ChorusSampleRng *rng,
             const Palette   *pal,
             double           s)
{
  double cx = 256 * s, cy = 230 * s, r = 150 * s;
  double y;
  int i;

  set_color (cr, &pal->second);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_fill (cr);

  /* The retro sun: bands cut out of its lower half, thicker towards the horizon. */
  set_color (cr, &pal->paper);
  for (i = 0, y = cy + 10 * s; y < cy + r; i++, y += (18 + i * 4) * s)
    {
      cairo_rectangle (cr, cx - r, y, 2 * r, (4 + i * 3) * s);
      cairo_fill (cr);
    }

  set_color (cr, &pal->main);
  trace_range (cr, rng, 40 * s, 472 * s, 380 * s, 190 * s, 3);
  cairo_fill (cr);
  set_color (cr, &pal->ink);
  trace_range (cr, rng, 40 * s, 472 * s, 380 * s, 90 * s, 5);
  cairo_fill (cr);
}

static void
draw_waves (cairo_t         *cr,
            ChorusSampleRng *rng,
            const Palette   *pal,
            double           s)
{
  const Color *colors[] = { &pal->accent, &pal->second, &pal->main, &pal->ink };
  double phase = _chorus_sample_rng_double (rng) * G_PI;

  cairo_save (cr);
  cairo_arc (cr, 256 * s, 220 * s, 170 * s, 0, 2 * G_PI);
  cairo_clip (cr);
  set_color (cr, &pal->paper);
  cairo_paint (cr);
  set_color (cr, &pal->accent);
  cairo_arc (cr, 256 * s, 150 * s, 55 * s, 0, 2 * G_PI);
  cairo_fill (cr);

  for (guint layer = 1; layer < G_N_ELEMENTS (colors); layer++)
    {
      double base = (170 + layer * 55) * s;
      double amp = (14 + 6 * _chorus_sample_rng_double (rng)) * s;

      cairo_move_to (cr, 60 * s, 460 * s);
      for (double x = 60; x <= 452; x += 8)
        cairo_line_to (cr, x * s, base + amp * sin (x / (30 + layer * 6) + phase * layer));
      cairo_line_to (cr, 452 * s, 460 * s);
      cairo_close_path (cr);
      set_color (cr, colors[layer]);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  cairo_set_line_width (cr, 10 * s);
  set_color (cr, &pal->ink);
  cairo_arc (cr, 256 * s, 220 * s, 170 * s, 0, 2 * G_PI);
  cairo_stroke (cr);
}

static void
trace_pine (cairo_t *cr,
            double   cx,
            double   top,
            double   height)
{
  double w = height * 0.55;

  for (int tier = 0; tier < 3; tier++)
    {
      double t = top + tier * height * 0.22;
      double half = w * (0.3 + tier * 0.2);

      cairo_move_to (cr, cx, t);
      cairo_line_to (cr, cx + half, t + height * 0.38);
      cairo_line_to (cr, cx - half, t + height * 0.38);
      cairo_close_path (cr);
    }
  cairo_rectangle (cr, cx - height * 0.05, top + height * 0.82, height * 0.1, height * 0.18);
}

static void
draw_pines (cairo_t         *cr,
            ChorusSampleRng *rng,
            const Palette   *pal,
            double           s)
{
  double cx = 256 * s, cy = 215 * s, r = 175 * s;

  /* A hexagon badge with a little forest in it. */
  cairo_new_path (cr);
  for (int i = 0; i < 6; i++)
    cairo_line_to (cr, cx + r * cos (G_PI / 6 + i * G_PI / 3), cy + r * sin (G_PI / 6 + i * G_PI / 3));
  cairo_close_path (cr);
  set_color (cr, &pal->main);
  cairo_fill_preserve (cr);

  cairo_save (cr);
  cairo_clip_preserve (cr);
  draw_stars (cr, rng, s, &pal->paper, 10);
  set_color (cr, &pal->second);
  trace_pine (cr, cx, cy - 110 * s, 230 * s);
  trace_pine (cr, cx - 85 * s, cy - 30 * s, 150 * s);
  trace_pine (cr, cx + 85 * s, cy - 40 * s, 160 * s);
  cairo_fill (cr);
  cairo_restore (cr);

  /* The clip kept the hexagon as the current path: outline it. */
  cairo_set_line_width (cr, 12 * s);
  set_color (cr, &pal->accent);
  cairo_stroke (cr);
}

static void
draw_topo (cairo_t         *cr,
           ChorusSampleRng *rng,
           const Palette   *pal,
           double           s)
{
  double cx = 256 * s, cy = 215 * s;
  double phase1 = _chorus_sample_rng_double (rng) * 2 * G_PI;
  double phase2 = _chorus_sample_rng_double (rng) * 2 * G_PI;

  cairo_set_line_width (cr, 5 * s);
  for (int ring = 1; ring <= 8; ring++)
    {
      double radius = ring * 21 * s;

      for (int k = 0; k <= 72; k++)
        {
          double a = k * 2 * G_PI / 72;
          double wobble = 1 + 0.12 * sin (3 * a + phase1) + 0.07 * sin (5 * a + phase2 + ring * 0.3);

          cairo_line_to (cr, cx + radius * wobble * cos (a), cy + radius * wobble * sin (a) * 0.85);
        }
      cairo_close_path (cr);
      set_color (cr, ring % 3 == 0 ? &pal->second : &pal->main);
      cairo_stroke (cr);
    }

  set_color (cr, &pal->accent);
  cairo_move_to (cr, cx, cy - 22 * s);
  cairo_line_to (cr, cx + 20 * s, cy + 14 * s);
  cairo_line_to (cr, cx - 20 * s, cy + 14 * s);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_night (cairo_t         *cr,
            ChorusSampleRng *rng,
            const Palette   *pal,
            double           s)
{
  double cx = 256 * s;

  cairo_save (cr);
  cairo_rectangle (cr, 56 * s, 30 * s, 400 * s, 360 * s);
  cairo_clip (cr);
  set_color (cr, &pal->ink);
  cairo_paint (cr);
  draw_stars (cr, rng, s, &pal->paper, 40);

  set_color (cr, &pal->accent);
  cairo_arc (cr, (150 + _chorus_sample_rng_double (rng) * 200) * s, 110 * s, 40 * s, 0, 2 * G_PI);
  cairo_fill (cr);
  set_color (cr, &pal->ink);
  cairo_arc (cr, (165 + _chorus_sample_rng_double (rng) * 200) * s, 100 * s, 36 * s, 0, 2 * G_PI);
  cairo_fill (cr);

  set_color (cr, &pal->main);
  trace_range (cr, rng, 56 * s, 456 * s, 330 * s, 140 * s, 3);
  cairo_fill (cr);
  set_color (cr, &pal->second);
  cairo_rectangle (cr, 56 * s, 320 * s, 400 * s, 70 * s);
  cairo_fill (cr);

  /* The tent, with its door lit. */
  set_color (cr, &pal->accent);
  cairo_move_to (cr, cx, 250 * s);
  cairo_line_to (cr, cx + 70 * s, 340 * s);
  cairo_line_to (cr, cx - 70 * s, 340 * s);
  cairo_close_path (cr);
  cairo_fill (cr);
  set_color (cr, &pal->paper);
  cairo_move_to (cr, cx, 285 * s);
  cairo_line_to (cr, cx + 22 * s, 340 * s);
  cairo_line_to (cr, cx - 22 * s, 340 * s);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

typedef void (*Motif) (cairo_t         *cr,
                       ChorusSampleRng *rng,
                       const Palette   *pal,
                       double           s);

static cairo_status_t
append_png_bytes (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw_caption (cairo_t             *cr,
              ChorusSampleArtKind  kind,
              const Palette       *pal,
              double               s)
{
  const char *caption = kind == SAMPLE_ART_MUG ? "Trail Mug" :
                        kind == SAMPLE_ART_POSTER ? "New - Trail Runner" : "Summit 2026";

  cairo_set_line_width (cr, 3 * s);
  set_color (cr, &pal->main);
  cairo_move_to (cr, 120 * s, 478 * s);
  cairo_line_to (cr, 392 * s, 478 * s);
  cairo_stroke (cr);
  draw_lettering (cr, caption, 256 * s, 488 * s, 12 * s, 260 * s, &pal->main);
}

/**
 * _chorus_sample_art_render:
 * @kind: what the artwork is for, which sets its caption
 * @title: lettered under the motif
 * @seed: picks the motif, the palette and every shape
 * @size: width and height in pixels
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the PNG file's bytes, or %NULL with @error set
 */
GBytes *
_chorus_sample_art_render (ChorusSampleArtKind   kind,
                           const char           *title,
                           guint64               seed,
                           guint                 size,
                           GError              **error)
{
  static const Motif motifs[] = {
    draw_badge, draw_sunset, draw_waves, draw_pines, draw_topo, draw_night,
  };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  ChorusSampleRng rng;
  const Palette *pal;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double s = size / 512.0;

  _chorus_sample_rng_init (&rng, seed, SAMPLE_STREAM_ART);
  pal = &SAMPLE_PICK (&rng, palettes);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) size, (int) size);
  cr = cairo_create (surface);
  set_color (cr, &pal->paper);
  cairo_paint (cr);

  SAMPLE_PICK (&rng, motifs) (cr, &rng, pal, s);
  draw_lettering (cr, title, 256 * s, 408 * s, 40 * s, 440 * s, &pal->ink);
  draw_caption (cr, kind, pal, s);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_png_bytes, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_FAILED,
                   /* Translators: %s is the reason, from the drawing library, often in English. */
                   _("A sample image could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}
