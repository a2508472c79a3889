/* chorus-campaign-report.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <string.h>

#include "chorus-campaign-export.h"
#include "chorus-campaign-report.h"
#include "chorus-chart-draw.h"
#include "chorus-error.h"
#include "chorus-format.h"
#include "chorus-pdf.h"
#include "chorus-share-chart.h"
#include "chorus-verdict.h"

/* The one-page report of a campaign as PDF (A4, drawn with cairo and
 * Pango in a worker, with the chart of the window and the variants'
 * images) and its raw counts as CSV, each saved where the person
 * chooses. */

#define PAGE_WIDTH  595.0   /* A4 in points */
#define PAGE_HEIGHT 842.0
#define MARGIN       48.0
#define THUMB_HEIGHT 64.0   /* a row of the variants' images, low enough to leave the page to the text */
#define THUMB_WIDTH  96.0
#define THUMB_GAP    12.0

typedef struct
{
  PangoContext *context;
  cairo_t      *cr;
  double        y;
  gboolean      rtl;      /* laid out right to left, as the window is */
} Writer;

static void
write_text (Writer     *writer,
            const char *text,
            double      size,
            gboolean    bold,
            double      alpha,
            double      space_after)
{
  writer->y += chorus_pdf_draw_text (writer->cr, writer->context, text, MARGIN, writer->y, PAGE_WIDTH - 2 * MARGIN,
                                     size, bold, alpha, writer->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
               + space_after;
}

static void
write_chart (Writer         *writer,
             ChorusAnalysis *analysis,
             GStrv           labels)
{
  g_autoptr(GPtrArray) bars = chorus_share_chart_dup_bars (analysis, (const char * const *) labels);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell 9");
  ChorusChartColors colors;

  gdk_rgba_parse (&colors.foreground, "#241f31");
  gdk_rgba_parse (&colors.accent, "#1c71d8");
  gdk_rgba_parse (&colors.track, "#ebebed");
  gdk_rgba_parse (&colors.whisker, "#241f31");
  pango_context_set_font_description (writer->context, font);
  pango_font_description_free (font);

  cairo_save (writer->cr);
  cairo_translate (writer->cr, MARGIN, writer->y);
  chorus_chart_draw (writer->cr, writer->context, PAGE_WIDTH - 2 * MARGIN, (ChorusChartBar * const *) bars->pdata,
                     bars->len,
                     chorus_analysis_get_design (analysis) == CHORUS_ANALYSIS_POLL
                     ? 1.0 / chorus_analysis_get_n_variants (analysis) : 0.0,
                     writer->rtl, &colors);
  cairo_restore (writer->cr);
  writer->y += chorus_chart_get_height (bars->len) + 12;
}

/* The thumbnail of @variant's image, scaled into a @width ×
 * THUMB_HEIGHT box at @x, with its label under it; FALSE when there is no
 * image to draw (none, gone, or not decodable here). */
static gboolean
draw_thumbnail (Writer        *writer,
                ChorusVariant *variant,
                double         x,
                double         width)
{
  const char *path = chorus_variant_get_image_path (variant);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  double scale;

  /* Twice the printed size, for print resolution. */
  if (path == NULL ||
      !(pixbuf = gdk_pixbuf_new_from_file_at_scale (path, (int) width * 2, (int) THUMB_HEIGHT * 2, TRUE, NULL)))
    return FALSE;

  scale = MIN (width / gdk_pixbuf_get_width (pixbuf), THUMB_HEIGHT / gdk_pixbuf_get_height (pixbuf));
  cairo_save (writer->cr);
  cairo_translate (writer->cr, x, writer->y);
  cairo_scale (writer->cr, scale, scale);
  gdk_cairo_set_source_pixbuf (writer->cr, pixbuf, 0, 0);
  cairo_paint (writer->cr);
  cairo_restore (writer->cr);

  layout = pango_layout_new (writer->context);
  font = pango_font_description_from_string ("Cantarell Bold 8");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, chorus_variant_get_label (variant), -1);
  cairo_set_source_rgba (writer->cr, 0.1, 0.1, 0.12, 0.85);
  cairo_move_to (writer->cr, x, writer->y + THUMB_HEIGHT + 2);
  pango_cairo_show_layout (writer->cr, layout);
  return TRUE;
}

/* The variants' images side by side, those that have one. */
static void
write_thumbnails (Writer         *writer,
                  ChorusCampaign *campaign)
{
  GListModel *variants = chorus_campaign_get_variants (campaign);
  guint n = g_list_model_get_n_items (variants);
  double x = MARGIN;
  double width;

  /* As wide as six fit across the page, or THUMB_WIDTH with fewer. */
  width = MIN (THUMB_WIDTH, (PAGE_WIDTH - 2 * MARGIN - (MAX (n, 1) - 1) * THUMB_GAP) / MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      /* Right to left, the first variant's image is on the right. */
      if (draw_thumbnail (writer, variant, writer->rtl ? PAGE_WIDTH - x - width : x, width))
        x += width + THUMB_GAP;
    }

  if (x > MARGIN)
    writer->y += THUMB_HEIGHT + 20;
}

static GStrv
dup_labels (ChorusCampaign *campaign)
{
  GListModel *variants = chorus_campaign_get_variants (campaign);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      g_strv_builder_add (builder, chorus_variant_get_label (variant));
    }
  return g_strv_builder_end (builder);
}

static void
write_variants (Writer         *writer,
                ChorusCampaign *campaign,
                ChorusAnalysis *analysis)
{
  GListModel *variants = chorus_campaign_get_variants (campaign);

  for (guint i = 0; i < g_list_model_get_n_items (variants) && i < chorus_analysis_get_n_variants (analysis); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);
      const ChorusAnalysisVariant *figures = chorus_analysis_get_variant (analysis, i);
      g_autofree char *count = chorus_format_count (figures->count);
      g_autofree char *low = chorus_verdict_format_share (figures->wilson_low);
      g_autofree char *high = chorus_verdict_format_share (figures->wilson_high);
      /* Translators: one variant in the PDF report: its name, its text, its count, the two ends of
       * its 95% interval, and its expected loss in percentage points. */
      g_autofree char *line = g_strdup_printf (_("%s: “%s” (%s; 95%% interval %s to %s; expected loss %.1f pts)"),
                                               chorus_variant_get_label (variant), chorus_variant_get_body (variant),
                                               count, low, high, figures->expected_loss * 100.0);

      write_text (writer, line, 9.5, FALSE, 0.85, 4);
    }
  writer->y += 6;
}

static void
write_decision (Writer         *writer,
                ChorusCampaign *campaign)
{
  gint64 variant_id, decided_at;
  const char *decided_by, *rationale;
  GListModel *variants = chorus_campaign_get_variants (campaign);
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;
  const char *label = "";

  if (!chorus_campaign_get_decision (campaign, &variant_id, &decided_by, &decided_at, &rationale))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      if (chorus_variant_get_id (variant) == variant_id)
        label = chorus_variant_get_label (variant);
    }
  date = chorus_format_date (decided_at);
  /* Translators: in the PDF report: the first %s is a variant's name, the second who decided, the third a date. */
  line = g_strdup_printf (_("Decision: “%s”, chosen by %s on %s"), label,
                          decided_by != NULL ? decided_by : _("Someone"), date);
  write_text (writer, line, 11, TRUE, 1.0, 2);
  write_text (writer, rationale, 10, FALSE, 0.85, 10);
}

/**
 * chorus_campaign_report_write_pdf:
 *
 * Writes the one-page report to @path. Safe in a worker thread.
 */
gboolean
chorus_campaign_report_write_pdf (ChorusCampaign  *campaign,
                                  ChorusAnalysis  *analysis,
                                  const char      *path,
                                  GError         **error)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  g_auto(GStrv) labels = dup_labels (campaign);
  g_autofree char *headline = chorus_verdict_dup_headline (analysis, (const char * const *) labels);
  g_autofree char *test = chorus_verdict_dup_test (analysis);
  g_autofree char *plan = chorus_verdict_dup_plan (analysis);
  g_autoptr(GPtrArray) warnings = chorus_verdict_dup_warnings (analysis);
  g_autofree char *total = chorus_format_metric_count (chorus_campaign_get_metric (campaign),
                                                      chorus_analysis_get_total (analysis));
  g_autofree char *today = chorus_format_date (g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *meta = NULL;
  gboolean written;
  Writer writer = { context, NULL, MARGIN, gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL };

  /* With the window's direction: neutral text (numbers) runs right to
   * left, and a paragraph in the language of the window starts on the
   * right (Pango swaps the alignment for one in the other direction). */
  if (writer.rtl)
    pango_context_set_base_dir (context, PANGO_DIRECTION_RTL);
  writer.cr = cairo_create (surface);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chorus_campaign_get_name (campaign));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chorus");

  write_text (&writer, chorus_campaign_get_name (campaign), 20, TRUE, 1.0, 6);
  if (*chorus_campaign_get_goal (campaign) != '\0')
    write_text (&writer, chorus_campaign_get_goal (campaign), 11, FALSE, 0.85, 4);
  if (*chorus_campaign_get_hypothesis (campaign) != '\0')
    {
      /* Translators: %s is what the team expects a pre-test to show. */
      g_autofree char *text = g_strdup_printf (_("Hypothesis: %s"), chorus_campaign_get_hypothesis (campaign));

      write_text (&writer, text, 10, FALSE, 0.7, 4);
    }
  /* Translators: under the title of the PDF report: a count such as "363 votes", then the date of the report. */
  meta = g_strdup_printf (_("%s · report of %s"), total, today);
  write_text (&writer, meta, 9, FALSE, 0.6, 16);

  write_decision (&writer, campaign);
  write_text (&writer, headline, 13, TRUE, 1.0, 12);
  write_chart (&writer, analysis, labels);
  write_thumbnails (&writer, campaign);
  write_variants (&writer, campaign, analysis);
  if (test != NULL)
    write_text (&writer, test, 10, FALSE, 0.9, 6);
  for (guint i = 0; i < warnings->len; i++)
    write_text (&writer, g_ptr_array_index (warnings, i), 10, TRUE, 0.9, 6);
  if (plan != NULL)
    write_text (&writer, plan, 10, FALSE, 0.7, 6);

  written = chorus_pdf_finish (writer.cr, error);
  cairo_surface_destroy (surface);
  g_object_unref (context);
  return written;
}

typedef struct
{
  ChorusCampaign *campaign;
  ChorusAnalysis *analysis;
  GFile          *file;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->campaign);
  chorus_analysis_unref (export->analysis);
  g_object_unref (export->file);
  g_free (export);
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Export *export = task_data;
  g_autofree char *path = g_file_get_path (export->file);
  GError *error = NULL;

  if (path == NULL)
    g_set_error_literal (&error, CHORUS_ERROR, CHORUS_ERROR_FAILED, _("Reports can only be saved to local folders."));
  if (error == NULL && chorus_campaign_report_write_pdf (export->campaign, export->analysis, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWidget) parent = user_data;
  GtkWidget *overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GError) error = NULL;
  gboolean done = G_IS_FILE (object) ? g_file_replace_contents_finish (G_FILE (object), result, NULL, &error)
                                     : g_task_propagate_boolean (G_TASK (result), &error);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (done ? _("Exported") : error->message));
}

static void
on_chosen_cb (GtkNativeDialog *chooser,
              int              response,
              gpointer         user_data)
{
  Export *export = user_data;
  GtkWidget *parent = g_object_get_data (G_OBJECT (chooser), "chorus-parent");
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "chorus-pdf"));

  if (response == GTK_RESPONSE_ACCEPT)
    export->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (export->file == NULL)
    export_free (export);
  else if (pdf)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, on_written_cb, g_object_ref (parent));

      g_task_set_task_data (task, export, (GDestroyNotify) export_free);
      g_task_run_in_thread (task, write_worker);
    }
  else
    {
      char *csv = chorus_campaign_dup_counts_csv (export->campaign, export->analysis);
      g_autoptr(GBytes) bytes = g_bytes_new_take (csv, strlen (csv));

      g_file_replace_contents_bytes_async (export->file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                           NULL, on_written_cb, g_object_ref (parent));
      export_free (export);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
chorus_campaign_report_export (GtkWidget                  *parent,
                               ChorusCampaign             *campaign,
                               ChorusAnalysis             *analysis,
                               ChorusCampaignReportFormat  format)
{
  gboolean pdf = format == CHORUS_CAMPAIGN_REPORT_PDF;
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (pdf ? _("Export Report") : _("Export Counts"),
                                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  g_autofree char *name = g_strdup_printf ("%s.%s", chorus_campaign_get_name (campaign), pdf ? "pdf" : "csv");
  Export *export = g_new0 (Export, 1);

  g_strdelimit (name, "/\\:", '-');
  export->campaign = g_object_ref (campaign);
  export->analysis = chorus_analysis_ref (analysis);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "chorus-parent", g_object_ref (parent), g_object_unref);
  g_object_set_data (G_OBJECT (chooser), "chorus-pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
