/* chorus-add-feed-dialog.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-add-feed-dialog.h"
#include "chorus-http.h"

/* Asks for a feed's address and checks it is one Chorus may fetch; the
 * window adds the source and syncs it (signal "feed-chosen"). */

struct _ChorusAddFeedDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *url_row;
  GtkLabel    *error_label;
  GtkButton   *add_button;
};

G_DEFINE_FINAL_TYPE (ChorusAddFeedDialog, chorus_add_feed_dialog, ADW_TYPE_WINDOW)

enum {
  FEED_CHOSEN,
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

static void
on_url_row_changed_cb (ChorusAddFeedDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), *text != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
}

static void
on_url_row_entry_activated_cb (ChorusAddFeedDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "feed.add", NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ChorusAddFeedDialog *self = CHORUS_ADD_FEED_DIALOG (widget);
  g_autofree char *url = normalize_url (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
  g_autoptr(GError) error = NULL;

  if (!chorus_http_check_url (url, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      return;
    }

  g_signal_emit (self, signals[FEED_CHOSEN], 0, url);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chorus_add_feed_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CHORUS_TYPE_ADD_FEED_DIALOG);

  G_OBJECT_CLASS (chorus_add_feed_dialog_parent_class)->dispose (object);
}

static void
chorus_add_feed_dialog_class_init (ChorusAddFeedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_add_feed_dialog_dispose;

  /**
   * ChorusAddFeedDialog::feed-chosen:
   * @url: the feed's address, checked with chorus_http_check_url()
   */
  signals [FEED_CHOSEN] =
    g_signal_new ("feed-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-add-feed-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusAddFeedDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusAddFeedDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusAddFeedDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_url_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_url_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "feed.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chorus_add_feed_dialog_init (ChorusAddFeedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ChorusAddFeedDialog *
chorus_add_feed_dialog_new (GtkWindow *parent)
{
  return g_object_new (CHORUS_TYPE_ADD_FEED_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

void
chorus_add_feed_dialog_set_url (ChorusAddFeedDialog *self,
                                const char          *url)
{
  g_return_if_fail (CHORUS_IS_ADD_FEED_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
}
