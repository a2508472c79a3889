/* chorus-challenge-report.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "chorus-challenge-report.h"
#include "chorus-format.h"
#include "chorus-jury.h"
#include "chorus-pdf.h"
#include "chorus-results-format.h"

/* A challenge's results as a PDF report (A4, drawn with cairo and Pango,
 * safe in a worker). The first page stands alone: the challenge with
 * its dates, what the numbers rest on and how far the jurors agree, the
 * winners with their images, and the top of the ranking with small
 * thumbnails. The rest of the ranking, and the reward ledger, follow on
 * more pages when they do not fit. The images are drawn from their
 * pixels, so none of their metadata reaches the PDF. */

#define PAGE_WIDTH    595.0   /* A4 in points */
#define PAGE_HEIGHT   842.0
#define MARGIN         48.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define WINNER_THUMB   56.0
#define ROW_HEIGHT     32.0
#define ROW_THUMB      26.0

typedef struct
{
  PangoContext *context;
  cairo_t      *cr;
  double        y;
  gboolean      rtl;      /* laid out right to left, as the window is */
} Page;

/* A column of the ranking table: where it starts and how wide it is, in
 * points from the margin; numbers are set flush right. */
typedef struct
{
  double x;
  double width;
} Column;

static const Column rank_column = { 0, 20 };
static const Column entry_column = { 60, 168 };
/* Votes leave room for "25 (1 excluded)" in the longer languages. */
static const Column number_columns[5] = { { 230, 84 }, { 318, 44 }, { 366, 44 }, { 414, 38 }, { 456, 43 } };

/* Where something @width wide placed @x from the start margin begins,
 * from the page's left edge: right to left, the start is the right
 * margin. */
static double
page_x (Page   *page,
        double  x,
        double  width)
{
  return MARGIN + (page->rtl ? CONTENT_WIDTH - x - width : x);
}

/* Draws @text at (@x, @y) from the margin, within @width; returns its
 * height. @right sets numbers flush with the end: right, or left when the
 * page runs right to left. */
static double
draw_text (Page       *page,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold,
           double      alpha,
           gboolean    right)
{
  /* Pango swaps left and right for a paragraph that runs against the
   * context's direction, so RIGHT is the start of a right-to-left page. */
  return chorus_pdf_draw_text (page->cr, page->context, text, page_x (page, x, width), y, width, size, bold, alpha,
                               right != page->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
}

/* A paragraph across the page, below the last. */
static void
write_line (Page       *page,
            const char *text,
            double      size,
            gboolean    bold,
            double      alpha,
            double      space_after)
{
  page->y += draw_text (page, text, 0, page->y, CONTENT_WIDTH, size, bold, alpha, FALSE) + space_after;
}

/* The image at @path, fitted into a @size square at (@x, @y), or a grey
 * square when it cannot be read. */
static void
draw_thumbnail (Page       *page,
                const char *path,
                double      x,
                double      y,
                double      size)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  double scale;

  if (path != NULL)
    pixbuf = gdk_pixbuf_new_from_file_at_scale (path, (int) size * 3, (int) size * 3, TRUE, NULL);

  cairo_save (page->cr);
  cairo_translate (page->cr, page_x (page, x, size), y);
  if (pixbuf == NULL)
    {
      cairo_set_source_rgba (page->cr, 0.1, 0.1, 0.12, 0.08);
      cairo_rectangle (page->cr, 0, 0, size, size);
      cairo_fill (page->cr);
      cairo_restore (page->cr);
      return;
    }

  scale = MIN (size / gdk_pixbuf_get_width (pixbuf), size / gdk_pixbuf_get_height (pixbuf));
  cairo_scale (page->cr, scale, scale);
  gdk_cairo_set_source_pixbuf (page->cr, pixbuf, 0, 0);
  cairo_paint (page->cr);
  cairo_restore (page->cr);
}

/* A new page when @height does not fit on this one. */
static gboolean
make_room (Page   *page,
           double  height)
{
  if (page->y + height <= PAGE_HEIGHT - MARGIN)
    return FALSE;

  cairo_show_page (page->cr);
  page->y = MARGIN;
  return TRUE;
}

static void
write_header (Page            *page,
              ChorusChallenge *challenge,
              ChorusRanking   *ranking)
{
  g_autofree char *opens = chorus_format_date (chorus_challenge_get_submissions_open (challenge));
  g_autofree char *closes = chorus_format_date (chorus_challenge_get_submissions_close (challenge));
  g_autofree char *voting = chorus_format_date (chorus_challenge_get_voting_open (challenge));
  g_autofree char *voted = chorus_format_date (chorus_challenge_get_voting_close (challenge));
  g_autofree char *today = chorus_format_date (g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *dates = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *basis = chorus_format_ranking_basis (ranking);
  g_autofree char *agreement = chorus_jury_describe_agreement (chorus_ranking_get_agreement (ranking));

  /* Translators: in the challenge report: its hashtag (after the #), the dates entries were taken (from, to)
   * and the dates of the vote (from, to). */
  dates = g_strdup_printf (_("#%s · entries from %s to %s · voting from %s to %s"),
                           chorus_challenge_get_hashtag (challenge), opens, closes, voting, voted);
  /* Translators: under the title of the challenge report; %s is today's date. */
  as_of = g_strdup_printf (_("Results as of %s"), today);

  write_line (page, chorus_challenge_get_title (challenge), 22, TRUE, 1.0, 6);
  write_line (page, dates, 10, FALSE, 0.8, 2);
  write_line (page, as_of, 9, FALSE, 0.6, 14);
  write_line (page, basis, 9.5, FALSE, 0.85, 3);
  write_line (page, agreement, 9.5, TRUE, 0.85, 18);
}

static void
write_winner (Page               *page,
              const ChorusWinner *winner)
{
  g_autofree char *place = chorus_format_place (winner->place);
  g_autofree char *heading = NULL;
  double x = WINNER_THUMB + 12;
  double y = page->y;

  draw_thumbnail (page, winner->image_path, 0, y, WINNER_THUMB);
  /* Translators: a winner in the challenge report: its place ("1st"), then the design's title. */
  heading = g_strdup_printf (C_("winner heading", "%s: %s"), place, winner->title);
  y += draw_text (page, heading, x, y + 4, CONTENT_WIDTH - x, 12, TRUE, 1.0, FALSE) + 6;
  y += draw_text (page, winner->author != NULL ? winner->author : _("Added by hand"), x, y, CONTENT_WIDTH - x, 9,
                  FALSE, 0.7, FALSE) + 2;
  if (winner->note != NULL)
    draw_text (page, winner->note, x, y, CONTENT_WIDTH - x, 9, FALSE, 0.7, FALSE);
  page->y += WINNER_THUMB + 10;
}

static void
write_winners (Page         *page,
               ChorusAwards *awards)
{
  write_line (page, _("Winners"), 14, TRUE, 1.0, 8);
  if (chorus_awards_get_n_winners (awards) == 0)
    write_line (page, _("No winners chosen yet."), 10, FALSE, 0.7, 12);

  for (guint i = 0; i < chorus_awards_get_n_winners (awards); i++)
    {
      make_room (page, WINNER_THUMB + 10);
      write_winner (page, chorus_awards_get_winner (awards, i));
    }
  page->y += 12;
}

static void
write_table_header (Page          *page,
                    ChorusRanking *ranking)
{
  gboolean support = g_strcmp0 (chorus_ranking_get_scale (ranking), "support") == 0;
  const char *titles[5] = { _("Votes"), support ? _("Support") : _("Mean"), support ? "" : _("Bayesian"), _("Jury"),
                            _("Combined") };

  draw_text (page, C_("ranking", "#"), rank_column.x, page->y, rank_column.width, 8, TRUE, 0.7, TRUE);
  draw_text (page, _("Entry"), entry_column.x, page->y, entry_column.width, 8, TRUE, 0.7, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (number_columns); i++)
    draw_text (page, titles[i], number_columns[i].x, page->y, number_columns[i].width, 8, TRUE, 0.7, TRUE);
  page->y += 16;
}

static void
write_row (Page                    *page,
           ChorusRanking           *ranking,
           const ChorusRankedEntry *entry)
{
  gboolean support = g_strcmp0 (chorus_ranking_get_scale (ranking), "support") == 0;
  g_autofree char *rank = chorus_format_count (entry->rank);
  char *numbers[5] = {
    chorus_format_entry_votes (entry),
    chorus_format_entry_community (ranking, entry),
    support ? g_strdup ("") : chorus_format_score (entry->bayesian_average, 2),
    chorus_format_score (entry->jury_score, 2),
    chorus_format_score (entry->combined_score, 3),
  };
  double text_y = page->y + 4;

  draw_text (page, rank, rank_column.x, text_y, rank_column.width, 9, FALSE, 0.9, TRUE);
  draw_thumbnail (page, entry->image_path, 28, page->y + (ROW_HEIGHT - ROW_THUMB) / 2 - 3, ROW_THUMB);
  draw_text (page, entry->title, entry_column.x, text_y - 2, entry_column.width, 9, TRUE, 1.0, FALSE);
  draw_text (page, entry->author != NULL ? entry->author : _("Added by hand"), entry_column.x, text_y + 10,
             entry_column.width, 7.5, FALSE, 0.65, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      draw_text (page, numbers[i], number_columns[i].x, text_y, number_columns[i].width, 9, FALSE, 0.9, TRUE);
      g_free (numbers[i]);
    }
  page->y += ROW_HEIGHT;
}

static void
write_ranking (Page          *page,
               ChorusRanking *ranking)
{
  make_room (page, 60);
  write_line (page, _("Ranking"), 14, TRUE, 1.0, 8);
  write_table_header (page, ranking);

  for (guint i = 0; i < chorus_ranking_get_n_entries (ranking); i++)
    {
      if (make_room (page, ROW_HEIGHT))
        {
          write_line (page, _("Ranking (continued)"), 12, TRUE, 1.0, 8);
          write_table_header (page, ranking);
        }
      write_row (page, ranking, chorus_ranking_get_entry (ranking, i));
    }
  page->y += 14;
}

static void
write_rewards (Page         *page,
               ChorusAwards *awards)
{
  if (chorus_awards_get_n_rewards (awards) == 0)
    return;

  make_room (page, 60);
  write_line (page, _("Rewards"), 14, TRUE, 1.0, 8);
  for (guint i = 0; i < chorus_awards_get_n_rewards (awards); i++)
    {
      const ChorusReward *reward = chorus_awards_get_reward (awards, i);
      g_autofree char *money = chorus_format_money (reward->amount_cents, reward->currency);
      g_autofree char *date = reward->paid ? chorus_format_date (reward->paid_at) : NULL;
      g_autofree char *line = NULL;

      if (reward->paid)
        /* Translators: a reward in the challenge report: "Prize" or "Royalty", the design's title, what the
         * reward is, its amount ("300.00 EUR"), and the date it was paid. */
        line = g_strdup_printf (_("%s for “%s”: %s, %s, paid on %s"), chorus_format_reward_kind (reward->kind),
                                reward->title, reward->description, money, date);
      else
        /* Translators: a reward in the challenge report: "Prize" or "Royalty", the design's title, what the
         * reward is, and its amount ("300.00 EUR"). */
        line = g_strdup_printf (_("%s for “%s”: %s, %s, pending"), chorus_format_reward_kind (reward->kind),
                                reward->title, reward->description, money);
      make_room (page, 16);
      write_line (page, line, 9.5, FALSE, 0.9, 4);
    }
}

/**
 * chorus_challenge_report_write_pdf:
 * @challenge: the challenge
 * @ranking: its ranking
 * @awards: its winners and reward ledger
 * @path: where the PDF goes
 * @error: a location for a #GError
 *
 * Writes the report. Safe in a worker thread.
 *
 * Returns: %FALSE with @error set when it could not be written
 */
gboolean
chorus_challenge_report_write_pdf (ChorusChallenge  *challenge,
                                   ChorusRanking    *ranking,
                                   ChorusAwards     *awards,
                                   const char       *path,
                                   GError          **error)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  gboolean written;
  Page page = { context, NULL, MARGIN, gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL };

  if (page.rtl)
    pango_context_set_base_dir (context, PANGO_DIRECTION_RTL);
  page.cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chorus_challenge_get_title (challenge));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chorus");

  write_header (&page, challenge, ranking);
  write_winners (&page, awards);
  write_ranking (&page, ranking);
  write_rewards (&page, awards);

  written = chorus_pdf_finish (page.cr, error);
  cairo_surface_destroy (surface);
  g_object_unref (context);
  return written;
}
