/* chorus-campaign-dialogs.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-campaign-dialogs.h"
#include "chorus-store-campaigns.h"

/* Adding results by hand or from a CSV file, and recording the decision:
 * each an AdwMessageDialog whose extra child holds the form. */

#define MAX_TYPED_COUNT 1e9

typedef struct
{
  ChorusStore              *store;
  ChorusCampaign           *campaign;
  ChorusCampaignDialogDone  done;
  GObject                  *owner;
  GtkWidget                *dialog;
  GPtrArray                *counts;     /* of GtkSpinButton */
  GPtrArray                *exposures;  /* of GtkSpinButton */
  GtkWidget                *with_exposures;
  GtkWidget                *channel;
  GtkWidget                *choice;
  GtkTextBuffer            *rationale;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->store);
  g_clear_object (&form->campaign);
  g_clear_object (&form->owner);
  g_clear_pointer (&form->counts, g_ptr_array_unref);
  g_clear_pointer (&form->exposures, g_ptr_array_unref);
  g_free (form);
}

static Form *
form_new (GtkWidget                *parent,
          ChorusStore              *store,
          ChorusCampaign           *campaign,
          ChorusCampaignDialogDone  done,
          gpointer                  user_data,
          const char               *heading,
          const char               *body)
{
  Form *form = g_new0 (Form, 1);
  GtkRoot *root = gtk_widget_get_root (parent);

  form->store = g_object_ref (store);
  form->campaign = g_object_ref (campaign);
  form->done = done;
  form->owner = g_object_ref (G_OBJECT (user_data));
  form->dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  g_object_set_data_full (G_OBJECT (form->dialog), "chorus-form", form, (GDestroyNotify) form_free);
  return form;
}

static void
report (Form         *form,
        const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (form->dialog)),
                                              _("Nothing Was Changed"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ends a form's change: reports a failure, or tells the owner. */
static void
on_stored_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWidget) dialog = user_data;
  Form *form = g_object_get_data (G_OBJECT (dialog), "chorus-form");
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = chorus_store_change_campaign_finish (CHORUS_STORE (object), result, &error);

  if (id == 0)
    report (form, error);
  else
    form->done (form->owner);
}

static GtkWidget *
add_row (GtkGrid    *grid,
         int         row,
         const char *title,
         GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Wrapped, not cut: a long name or a translation stays whole. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return label;
}

static GtkWidget *
new_count_button (void)
{
  GtkWidget *button = gtk_spin_button_new_with_range (0, MAX_TYPED_COUNT, 1);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (button), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (button), 9);
  return button;
}

/* ---- Results ---- */

static void
store_typed_results (Form *form)
{
  g_autoptr(ChorusCampaignResults) results = chorus_campaign_results_new (NULL);
  gboolean with_exposures = gtk_switch_get_active (GTK_SWITCH (form->with_exposures));
  const char *channel = gtk_editable_get_text (GTK_EDITABLE (form->channel));

  for (guint i = 0; i < form->counts->len; i++)
    chorus_campaign_results_add (results, i + 1,
                                 gtk_spin_button_get_value_as_int (g_ptr_array_index (form->counts, i)),
                                 with_exposures
                                 ? gtk_spin_button_get_value_as_int (g_ptr_array_index (form->exposures, i)) : -1,
                                 channel);
  if (*channel != '\0')
    {
      g_free (results->provenance);
      results->provenance = g_strdup (channel);
    }

  chorus_store_add_campaign_results_async (form->store, chorus_campaign_get_id (form->campaign), results, NULL,
                                           on_stored_cb, g_object_ref (form->dialog));
}

static void
on_csv_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GtkWidget) dialog = user_data;
  Form *form = g_object_get_data (G_OBJECT (dialog), "chorus-form");
  g_autoptr(ChorusCsvTable) table = NULL;
  g_autoptr(ChorusCampaignResults) results = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (chorus_campaign_get_variants (form->campaign));

  if (!(table = chorus_csv_table_load_finish (result, &error)) ||
      !(results = chorus_campaign_results_from_csv (table, n, &error)))
    {
      report (form, error);
      return;
    }

  chorus_store_add_campaign_results_async (form->store, chorus_campaign_get_id (form->campaign), results, NULL,
                                           on_stored_cb, g_object_ref (dialog));
}

static void
on_csv_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(GtkWidget) dialog = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    chorus_csv_table_load_async (file, NULL, on_csv_loaded_cb, g_object_ref (dialog));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_csv (Form *form)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Results"),
                                                               gtk_window_get_transient_for (GTK_WINDOW (form->dialog)),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_csv_chosen_cb), g_object_ref (form->dialog));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_results_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "chorus-form");

  if (g_str_equal (response, "add"))
    store_typed_results (form);
  else if (g_str_equal (response, "import"))
    choose_csv (form);
}

static void
on_exposures_toggled_cb (GObject    *object,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  Form *form = user_data;

  for (guint i = 0; i < form->exposures->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (form->exposures, i), gtk_switch_get_active (GTK_SWITCH (object)));
}

void
chorus_campaign_results_dialog_present (GtkWidget                *parent,
                                        ChorusStore              *store,
                                        ChorusCampaign           *campaign,
                                        ChorusCampaignDialogDone  done,
                                        gpointer                  user_data)
{
  Form *form = form_new (parent, store, campaign, done, user_data, _("Add Results"),
                         _("Type the counts from a channel Chorus cannot reach, such as an in-store survey, or "
                           "import them from a CSV file with the columns variant, count, exposures and channel."));
  GListModel *variants = chorus_campaign_get_variants (campaign);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *header;
  int row = 0;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  form->counts = g_ptr_array_new ();
  form->exposures = g_ptr_array_new ();

  form->with_exposures = gtk_switch_new ();
  gtk_widget_set_halign (form->with_exposures, GTK_ALIGN_END);
  add_row (GTK_GRID (grid), row++, _("Counts are out of people reached"), form->with_exposures);

  header = gtk_label_new (C_("results", "Count"));
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_grid_attach (GTK_GRID (grid), header, 1, row, 1, 1);
  header = gtk_label_new (C_("results", "Reached"));
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_grid_attach (GTK_GRID (grid), header, 2, row++, 1, 1);

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);
      GtkWidget *count = new_count_button ();
      GtkWidget *reached = new_count_button ();
      g_autofree char *reached_name = NULL;

      add_row (GTK_GRID (grid), row, chorus_variant_get_label (variant), count);
      gtk_grid_attach (GTK_GRID (grid), reached, 2, row++, 1, 1);
      gtk_widget_set_sensitive (reached, FALSE);
      /* Translators: read by screen readers; %s is a variant's name. */
      reached_name = g_strdup_printf (_("People reached by %s"), chorus_variant_get_label (variant));
      gtk_accessible_update_property (GTK_ACCESSIBLE (reached), GTK_ACCESSIBLE_PROPERTY_LABEL, reached_name, -1);
      g_ptr_array_add (form->counts, count);
      g_ptr_array_add (form->exposures, reached);
    }

  form->channel = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (form->channel), _("In-store survey"));
  add_row (GTK_GRID (grid), row, _("Channel"), form->channel);
  g_object_ref (form->channel);
  gtk_grid_remove (GTK_GRID (grid), form->channel);
  gtk_grid_attach (GTK_GRID (grid), form->channel, 1, row++, 2, 1);
  g_object_unref (form->channel);
  g_signal_connect (form->with_exposures, "notify::active", G_CALLBACK (on_exposures_toggled_cb), form);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (form->dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (form->dialog), "cancel", _("_Cancel"),
                                    "import", _("_Import CSV…"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (form->dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (form->dialog), "add");
  g_signal_connect (form->dialog, "response", G_CALLBACK (on_results_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (form->dialog));
}

/* ---- Decision ---- */

static void
on_rationale_changed_cb (GtkTextBuffer *buffer,
                         gpointer       user_data)
{
  Form *form = user_data;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (form->dialog), "record",
                                           *g_strstrip (text) != '\0');
}

static void
on_decision_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "chorus-form");
  g_autoptr(ChorusVariant) variant = NULL;
  g_autofree char *rationale = NULL;
  GtkTextIter start, end;

  if (!g_str_equal (response, "record"))
    return;

  variant = g_list_model_get_item (chorus_campaign_get_variants (form->campaign),
                                   gtk_drop_down_get_selected (GTK_DROP_DOWN (form->choice)));
  gtk_text_buffer_get_bounds (form->rationale, &start, &end);
  rationale = gtk_text_buffer_get_text (form->rationale, &start, &end, FALSE);
  chorus_store_record_campaign_decision_async (form->store, chorus_campaign_get_id (form->campaign),
                                               chorus_variant_get_id (variant), rationale, NULL,
                                               on_stored_cb, g_object_ref (form->dialog));
}

void
chorus_campaign_decision_dialog_present (GtkWidget                *parent,
                                         ChorusStore              *store,
                                         ChorusCampaign           *campaign,
                                         ChorusAnalysis           *analysis,
                                         ChorusCampaignDialogDone  done,
                                         gpointer                  user_data)
{
  Form *form = form_new (parent, store, campaign, done, user_data, _("Record Decision"),
                         _("Say which variant the team chose and why. The decision is kept in the campaign’s "
                           "history with your name and the time."));
  GListModel *variants = chorus_campaign_get_variants (campaign);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption, *view, *frame;

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      gtk_string_list_append (labels, chorus_variant_get_label (variant));
    }

  form->choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  if (analysis != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (form->choice), chorus_analysis_get_best (analysis) - 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chosen variant"), -1);
  gtk_box_append (GTK_BOX (box), form->choice);

  caption = gtk_label_new (_("Why"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_set_margin_top (caption, 6);
  gtk_box_append (GTK_BOX (box), caption);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 90);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
  form->rationale = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect (form->rationale, "changed", G_CALLBACK (on_rationale_changed_cb), form);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (form->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (form->dialog), "cancel", _("_Cancel"),
                                    "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (form->dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (form->dialog), "record", FALSE);
  g_signal_connect (form->dialog, "response", G_CALLBACK (on_decision_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (form->dialog));
  gtk_widget_grab_focus (view);
}
