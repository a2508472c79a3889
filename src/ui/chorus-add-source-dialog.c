/* chorus-add-source-dialog.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chorus-add-source-dialog.h"
#include "chorus-http.h"

/* Asks for what a source needs (a feed's address, or a Mastodon server and
 * hashtags) and checks the address is one Chorus may fetch; the window adds
 * the source and syncs it (signal "source-chosen"). */

struct _ChorusAddSourceDialog
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *group;
  AdwEntryRow         *url_row;
  AdwEntryRow         *hashtags_row;
  GtkLabel            *error_label;
  GtkButton           *add_button;

  ChorusAddSourceKind  kind;
};

G_DEFINE_FINAL_TYPE (ChorusAddSourceDialog, chorus_add_source_dialog, ADW_TYPE_WINDOW)

enum {
  SOURCE_CHOSEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* People paste "example.org/feed"; https:// is what they mean. */
static char *
normalize_url (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed != '\0' && strstr (trimmed, "://") == NULL)
    return g_strconcat ("https://", trimmed, NULL);

  return g_steal_pointer (&trimmed);
}

/* "#tallpine, TrailTested" → "tallpine TrailTested". */
static char *
normalize_hashtags (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " ,#\t", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
is_complete (ChorusAddSourceDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autofree char *hashtags = normalize_hashtags (gtk_editable_get_text (GTK_EDITABLE (self->hashtags_row)));

  if (*url == '\0')
    return FALSE;

  return self->kind != CHORUS_ADD_SOURCE_MASTODON_HASHTAG || *hashtags != '\0';
}

static void
on_row_changed_cb (ChorusAddSourceDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), is_complete (self));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
}

static void
on_row_entry_activated_cb (ChorusAddSourceDialog *self)
{
  if (is_complete (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "source.add", NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChorusAddSourceDialog *self = CHORUS_ADD_SOURCE_DIALOG (widget);
  g_autofree char *url = normalize_url (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
  g_autofree char *hashtags = normalize_hashtags (gtk_editable_get_text (GTK_EDITABLE (self->hashtags_row)));
  g_autoptr(GError) error = NULL;

  if (!is_complete (self))
    return;

  if (!chorus_http_check_url (url, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      return;
    }

  g_signal_emit (self, signals[SOURCE_CHOSEN], 0,
                 self->kind == CHORUS_ADD_SOURCE_FEED ? "feed" : "mastodon",
                 url,
                 self->kind == CHORUS_ADD_SOURCE_FEED ? NULL : hashtags);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chorus_add_source_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CHORUS_TYPE_ADD_SOURCE_DIALOG);

  G_OBJECT_CLASS (chorus_add_source_dialog_parent_class)->dispose (object);
}

static void
chorus_add_source_dialog_class_init (ChorusAddSourceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_add_source_dialog_dispose;

  /**
   * ChorusAddSourceDialog::source-chosen:
   * @network: "feed" or "mastodon"
   * @url: the feed's or the server's address, checked with chorus_http_check_url()
   * @hashtags: (nullable): the hashtags to follow, separated by spaces
   */
  signals [SOURCE_CHOSEN] =
    g_signal_new ("source-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-add-source-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusAddSourceDialog, group);
  gtk_widget_class_bind_template_child (widget_class, ChorusAddSourceDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAddSourceDialog, hashtags_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAddSourceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusAddSourceDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "source.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chorus_add_source_dialog_init (ChorusAddSourceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ChorusAddSourceDialog *
chorus_add_source_dialog_new (GtkWindow           *parent,
                              ChorusAddSourceKind  kind)
{
  ChorusAddSourceDialog *self = g_object_new (CHORUS_TYPE_ADD_SOURCE_DIALOG,
                                              "transient-for", parent,
                                              "modal", TRUE,
                                              NULL);

  self->kind = kind;

  if (kind == CHORUS_ADD_SOURCE_MASTODON_HASHTAG)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Follow a Mastodon Hashtag"));
      adw_preferences_group_set_description (self->group,
                                             _("Any server that speaks the Mastodon API shares its public posts with a hashtag, without signing in. Chorus brings the new ones into your inbox."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), _("Server Address"));
      gtk_widget_set_visible (GTK_WIDGET (self->hashtags_row), TRUE);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->url_row));

  return self;
}

void
chorus_add_source_dialog_set_url (ChorusAddSourceDialog *self,
                                  const char            *url)
{
  g_return_if_fail (CHORUS_IS_ADD_SOURCE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
}

void
chorus_add_source_dialog_set_hashtags (ChorusAddSourceDialog *self,
                                       const char            *hashtags)
{
  g_return_if_fail (CHORUS_IS_ADD_SOURCE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->hashtags_row), hashtags);
}
