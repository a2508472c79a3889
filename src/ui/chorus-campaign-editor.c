/* chorus-campaign-editor.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-campaign-draft.h"
#include "chorus-campaign-editor.h"
#include "chorus-outbox.h"
#include "chorus-store-campaigns.h"
#include "chorus-variant-image.h"

/* A campaign's brief and its 2 to 6 variants, edited side by side. Each
 * variant shows its length against each network's limit as it is typed,
 * and may have an image with alt text (ChorusVariantImage); Save waits,
 * saying why, while an image has no alt text. Saving validates the draft
 * in the store, which refuses (with the reason in a banner) what a
 * pre-test cannot use. */

typedef struct
{
  GtkWidget     *card;
  GtkWidget     *label;
  GtkTextBuffer *body;
  GtkWidget     *link;
  GtkWidget     *image;
  GtkWidget     *counter;
  GtkWidget     *remove;
} VariantEditor;

struct _ChorusCampaignEditor
{
  AdwWindow       parent_instance;

  ChorusStore    *store;
  gint64          campaign_id;
  gboolean        ran;

  GtkWidget      *save_button;
  GtkWidget      *error_label;
  GtkWidget      *save_hint;
  GtkWidget      *name;
  GtkWidget      *goal;
  GtkWidget      *hypothesis;
  GtkWidget      *metric;
  GtkWidget      *variants_box;
  GtkWidget      *frozen_label;
  GtkWidget      *add_button;
  GPtrArray      *variants;     /* of VariantEditor */
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (ChorusCampaignEditor, chorus_campaign_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals[N_SIGNALS];

static const char * const metrics[] = { "votes", "likes", "reposts", "replies", "engagements" };

static char *
dup_body (VariantEditor *variant)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (variant->body, &start, &end);
  return gtk_text_buffer_get_text (variant->body, &start, &end, FALSE);
}

static void
update_counter (VariantEditor *variant)
{
  g_autofree char *body = dup_body (variant);
  guint mastodon = chorus_outbox_count_length ("mastodon", body);
  guint bluesky = chorus_outbox_count_length ("bluesky", body);
  g_autofree char *text = NULL;

  /* Translators: a variant's length against each network's limit, such as "42/500 Mastodon · 42/300 Bluesky". */
  text = g_strdup_printf (_("%u/%u Mastodon · %u/%u Bluesky"), mastodon, CHORUS_OUTBOX_MASTODON_DEFAULT_LIMIT,
                          bluesky, CHORUS_OUTBOX_BLUESKY_LIMIT);
  gtk_label_set_label (GTK_LABEL (variant->counter), text);
  if (mastodon > CHORUS_OUTBOX_MASTODON_DEFAULT_LIMIT || bluesky > CHORUS_OUTBOX_BLUESKY_LIMIT)
    gtk_widget_add_css_class (variant->counter, "error");
  else
    gtk_widget_remove_css_class (variant->counter, "error");
}

/* Why Save must wait for the images, in words for the person; or NULL. */
static char *
dup_image_blocker (ChorusCampaignEditor *self,
                   gboolean             *busy)
{
  *busy = FALSE;
  for (guint i = 0; i < self->variants->len; i++)
    {
      VariantEditor *variant = g_ptr_array_index (self->variants, i);
      ChorusVariantImage *image = CHORUS_VARIANT_IMAGE (variant->image);
      const char *label = gtk_editable_get_text (GTK_EDITABLE (variant->label));
      g_autofree char *letter = chorus_variant_draft_dup_label (i);

      *busy |= chorus_variant_image_get_busy (image);
      if (chorus_variant_image_get_needs_alt_text (image))
        /* Translators: %s is a variant's name, such as "A". */
        return g_strdup_printf (_("Variant %s has an image without alt text. Describe what the image shows, so that "
                                  "everyone can follow the post, then save."), *label != '\0' ? label : letter);
    }

  return NULL;
}

static void
update_buttons (ChorusCampaignEditor *self)
{
  gboolean named = *gtk_editable_get_text (GTK_EDITABLE (self->name)) != '\0';
  gboolean busy;
  g_autofree char *blocker = dup_image_blocker (self, &busy);

  gtk_widget_set_sensitive (self->save_button, named && !busy && blocker == NULL);
  gtk_label_set_label (GTK_LABEL (self->save_hint), blocker != NULL ? blocker : "");
  gtk_widget_set_visible (self->save_hint, blocker != NULL);
  gtk_widget_set_sensitive (self->add_button, !self->ran && self->variants->len < CHORUS_CAMPAIGN_MAX_VARIANTS);
  for (guint i = 0; i < self->variants->len; i++)
    {
      VariantEditor *variant = g_ptr_array_index (self->variants, i);

      gtk_widget_set_sensitive (variant->remove, !self->ran && self->variants->len > CHORUS_CAMPAIGN_MIN_VARIANTS);
    }
}

static void
on_body_changed_cb (GtkTextBuffer *buffer,
                    gpointer       user_data)
{
  update_counter (user_data);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      gpointer   user_data)
{
  ChorusCampaignEditor *self = user_data;

  for (guint i = 0; i < self->variants->len; i++)
    {
      VariantEditor *variant = g_ptr_array_index (self->variants, i);

      if (variant->remove == GTK_WIDGET (button))
        {
          gtk_box_remove (GTK_BOX (self->variants_box), variant->card);
          g_ptr_array_remove_index (self->variants, i);
          break;
        }
    }
  update_buttons (self);
}

static GtkWidget *
add_field (GtkBox     *box,
           const char *title,
           GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (box, label);
  gtk_box_append (box, field);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return field;
}

static VariantEditor *
add_variant (ChorusCampaignEditor *self,
             ChorusVariant        *from)
{
  VariantEditor *variant = g_new0 (VariantEditor, 1);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  variant->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (variant->card, "card");
  gtk_widget_add_css_class (variant->card, "chorus-variant-editor");
  gtk_widget_set_size_request (variant->card, 240, -1);

  variant->label = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (variant->label), _("Name (a letter if empty)"));
  gtk_widget_set_hexpand (variant->label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (variant->label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Variant name"), -1);
  gtk_box_append (GTK_BOX (top), variant->label);
  variant->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (variant->remove, _("Remove Variant"));
  gtk_widget_add_css_class (variant->remove, "flat");
  g_signal_connect (variant->remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), variant->remove);
  gtk_box_append (GTK_BOX (variant->card), top);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), !self->ran);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Variant text"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (variant->card), frame);
  variant->body = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  variant->counter = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (variant->counter), 1);
  gtk_widget_add_css_class (variant->counter, "caption");
  gtk_widget_add_css_class (variant->counter, "numeric");
  gtk_box_append (GTK_BOX (variant->card), variant->counter);

  variant->link = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (variant->link), _("Link (optional), https://…"));
  gtk_entry_set_input_purpose (GTK_ENTRY (variant->link), GTK_INPUT_PURPOSE_URL);
  gtk_widget_set_sensitive (variant->link, !self->ran);
  gtk_accessible_update_property (GTK_ACCESSIBLE (variant->link), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link"), -1);
  gtk_box_append (GTK_BOX (variant->card), variant->link);

  variant->image = chorus_variant_image_new (self->store);
  chorus_variant_image_set_frozen (CHORUS_VARIANT_IMAGE (variant->image), self->ran);
  g_signal_connect_swapped (variant->image, "notify::needs-alt-text", G_CALLBACK (update_buttons), self);
  g_signal_connect_swapped (variant->image, "notify::busy", G_CALLBACK (update_buttons), self);
  gtk_box_append (GTK_BOX (variant->card), variant->image);

  if (from != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (variant->label), chorus_variant_get_label (from));
      gtk_text_buffer_set_text (variant->body, chorus_variant_get_body (from), -1);
      if (chorus_variant_get_link_url (from) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (variant->link), chorus_variant_get_link_url (from));
      if (chorus_variant_get_image_sha256 (from) != NULL)
        chorus_variant_image_set_image (CHORUS_VARIANT_IMAGE (variant->image), chorus_variant_get_image_sha256 (from),
                                        chorus_variant_get_image_type (from), chorus_variant_get_image_alt (from));
    }

  g_signal_connect (variant->body, "changed", G_CALLBACK (on_body_changed_cb), variant);
  update_counter (variant);
  gtk_box_append (GTK_BOX (self->variants_box), variant->card);
  g_ptr_array_add (self->variants, variant);
  return variant;
}

static void
on_add_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  ChorusCampaignEditor *self = user_data;

  add_variant (self, NULL);
  update_buttons (self);
}

static ChorusCampaignDraft *
build_draft (ChorusCampaignEditor *self)
{
  ChorusCampaignDraft *draft = chorus_campaign_draft_new (gtk_editable_get_text (GTK_EDITABLE (self->name)));
  guint metric = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->metric));

  g_free (draft->goal);
  draft->goal = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->goal)));
  g_free (draft->hypothesis);
  draft->hypothesis = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->hypothesis)));
  g_free (draft->metric);
  draft->metric = g_strdup (metrics[MIN (metric, G_N_ELEMENTS (metrics) - 1)]);

  for (guint i = 0; i < self->variants->len; i++)
    {
      VariantEditor *editor = g_ptr_array_index (self->variants, i);
      g_autofree char *body = dup_body (editor);
      ChorusVariantDraft *variant = chorus_campaign_draft_add_variant (draft, body);
      const char *label = gtk_editable_get_text (GTK_EDITABLE (editor->label));
      const char *link = gtk_editable_get_text (GTK_EDITABLE (editor->link));

      variant->label = *label != '\0' ? g_strdup (label) : NULL;
      variant->link_url = *link != '\0' ? g_strdup (link) : NULL;
      variant->image_sha256 = g_strdup (chorus_variant_image_get_sha256 (CHORUS_VARIANT_IMAGE (editor->image)));
      variant->image_type = g_strdup (chorus_variant_image_get_mime_type (CHORUS_VARIANT_IMAGE (editor->image)));
      variant->image_alt = chorus_variant_image_dup_alt_text (CHORUS_VARIANT_IMAGE (editor->image));
    }

  return draft;
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ChorusCampaignEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = chorus_store_change_campaign_finish (CHORUS_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (id == 0)
    {
      gtk_label_set_label (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_save_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  ChorusCampaignEditor *self = user_data;
  g_autoptr(ChorusCampaignDraft) draft = build_draft (self);

  gtk_widget_set_sensitive (self->save_button, FALSE);
  if (self->campaign_id == 0)
    chorus_store_create_campaign_async (self->store, draft, self->cancellable, on_saved_cb, g_object_ref (self));
  else
    chorus_store_edit_campaign_async (self->store, self->campaign_id, draft, self->cancellable, on_saved_cb,
                                      g_object_ref (self));
}

static void
on_name_changed_cb (GtkEditable *editable,
                    gpointer     user_data)
{
  update_buttons (user_data);
}

static void
chorus_campaign_editor_dispose (GObject *object)
{
  ChorusCampaignEditor *self = CHORUS_CAMPAIGN_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->variants, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_campaign_editor_parent_class)->dispose (object);
}

static void
chorus_campaign_editor_class_init (ChorusCampaignEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_campaign_editor_dispose;

  /**
   * ChorusCampaignEditor::saved:
   * @id: the campaign's id
   *
   * The campaign was stored; the editor closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
build_header (ChorusCampaignEditor *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  return header;
}

static void
chorus_campaign_editor_init (ChorusCampaignEditor *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *variants_scroller = gtk_scrolled_window_new ();
  GtkWidget *heading;
  g_autoptr(GtkStringList) metric_names =
    gtk_string_list_new ((const char *[]) { C_("metric", "Votes"), C_("metric", "Likes"), C_("metric", "Reposts"),
                                            C_("metric", "Replies"), C_("metric", "All Engagements"), NULL });

  self->variants = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 860, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  gtk_box_append (GTK_BOX (outer), build_header (self));
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->error_label);

  self->save_hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->save_hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->save_hint), 0);
  gtk_widget_add_css_class (self->save_hint, "warning");
  gtk_widget_set_visible (self->save_hint, FALSE);
  gtk_box_append (GTK_BOX (content), self->save_hint);

  self->name = add_field (GTK_BOX (content), _("Name"), gtk_entry_new ());
  g_signal_connect (self->name, "changed", G_CALLBACK (on_name_changed_cb), self);
  self->goal = add_field (GTK_BOX (content), _("Goal"), gtk_entry_new ());
  self->hypothesis = add_field (GTK_BOX (content), _("Hypothesis"), gtk_entry_new ());
  self->metric = add_field (GTK_BOX (content), _("Compare on"),
                            gtk_drop_down_new (G_LIST_MODEL (g_object_ref (metric_names)), NULL));
  gtk_widget_set_halign (self->metric, GTK_ALIGN_START);

  heading = gtk_label_new (_("Variants"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (content), heading);

  self->frozen_label = gtk_label_new (_("These variants have been put to the community, so their texts, images "
                                       "and links stay as they were tested. Their names and the images’ alt text "
                                       "can still change."));
  gtk_label_set_wrap (GTK_LABEL (self->frozen_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->frozen_label), 0);
  gtk_widget_add_css_class (self->frozen_label, "dim-label");
  gtk_widget_set_visible (self->frozen_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->frozen_label);

  /* Side by side, each as wide as the others, whatever its image. */
  self->variants_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (self->variants_box), TRUE);
  gtk_widget_set_margin_bottom (self->variants_box, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (variants_scroller), self->variants_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (variants_scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_box_append (GTK_BOX (content), variants_scroller);

  self->add_button = gtk_button_new_with_mnemonic (_("_Add Variant"));
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  gtk_box_append (GTK_BOX (content), self->add_button);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (outer), scrolled);
  adw_window_set_content (ADW_WINDOW (self), outer);
}

/**
 * chorus_campaign_editor_new:
 * @campaign: (nullable): the campaign to edit, or %NULL for a new one
 *
 * Once a campaign has run, its variants' text, images and links are
 * read-only; names and alt text can still change.
 */
ChorusCampaignEditor *
chorus_campaign_editor_new (GtkWindow      *parent,
                            ChorusStore    *store,
                            ChorusCampaign *campaign)
{
  ChorusCampaignEditor *self = g_object_new (CHORUS_TYPE_CAMPAIGN_EDITOR, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  gtk_window_set_title (GTK_WINDOW (self), campaign != NULL ? _("Edit Campaign") : _("New Campaign"));

  if (campaign == NULL)
    {
      add_variant (self, NULL);
      add_variant (self, NULL);
    }
  else
    {
      GListModel *variants = chorus_campaign_get_variants (campaign);

      self->campaign_id = chorus_campaign_get_id (campaign);
      self->ran = chorus_campaign_get_runs (campaign)->len > 0;
      gtk_widget_set_visible (self->frozen_label, self->ran);
      gtk_widget_set_visible (self->add_button, !self->ran);
      gtk_editable_set_text (GTK_EDITABLE (self->name), chorus_campaign_get_name (campaign));
      gtk_editable_set_text (GTK_EDITABLE (self->goal), chorus_campaign_get_goal (campaign));
      gtk_editable_set_text (GTK_EDITABLE (self->hypothesis), chorus_campaign_get_hypothesis (campaign));
      for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
        {
          if (g_strcmp0 (metrics[i], chorus_campaign_get_metric (campaign)) == 0)
            gtk_drop_down_set_selected (GTK_DROP_DOWN (self->metric), i);
        }
      for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
        {
          g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

          add_variant (self, variant);
        }
    }

  update_buttons (self);
  return self;
}
