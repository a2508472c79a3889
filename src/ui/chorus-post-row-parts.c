/* chorus-post-row-parts.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-post-row-private.h"

/* The pieces of a post row that depend on nothing but what they show: the
 * name and icon of a media tile, and one option of a poll with its bar. */

const char *
_chorus_post_row_media_icon (const char *kind)
{
  if (g_strcmp0 (kind, "video") == 0 || g_strcmp0 (kind, "gifv") == 0)
    return "video-x-generic-symbolic";
  if (g_strcmp0 (kind, "audio") == 0)
    return "audio-x-generic-symbolic";

  return "image-x-generic-symbolic";
}

const char *
_chorus_post_row_media_name (const char *kind)
{
  if (g_strcmp0 (kind, "video") == 0)
    return C_("media kind", "Video");
  if (g_strcmp0 (kind, "gifv") == 0)
    return C_("media kind", "Animation");
  if (g_strcmp0 (kind, "audio") == 0)
    return C_("media kind", "Audio");

  return C_("media kind", "Image");
}

GtkWidget *
_chorus_post_row_build_poll_option (const ChorusPostPoll *poll,
                                    guint                 index)
{
  const ChorusPostPollOption *option = chorus_post_poll_get_option (poll, index);
  double share = chorus_post_poll_get_share (poll, index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (option->title);
  g_autofree char *votes = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *description = NULL;
  GtkWidget *votes_label;
  GtkWidget *percent_label;
  GtkWidget *bar;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (box), line);

  /* While the network hides the results, only the options show. */
  if (share < 0)
    return box;

  votes = chorus_format_metric_count ("votes", option->votes);
  percent = chorus_format_percent (share);
  votes_label = gtk_label_new (votes);
  percent_label = gtk_label_new (percent);
  gtk_widget_set_valign (votes_label, GTK_ALIGN_START);
  gtk_widget_set_valign (percent_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (votes_label, "dim-label");
  gtk_widget_add_css_class (votes_label, "numeric");
  gtk_widget_add_css_class (percent_label, "heading");
  gtk_widget_add_css_class (percent_label, "numeric");
  gtk_box_append (GTK_BOX (line), votes_label);
  gtk_box_append (GTK_BOX (line), percent_label);

  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), share);
  if (chorus_post_poll_is_leader (poll, index))
    gtk_widget_add_css_class (bar, "chorus-leader");
  gtk_box_append (GTK_BOX (box), bar);

  /* Translators: a poll option for screen readers, such as "Yes: 70%, 7 votes". */
  description = g_strdup_printf (_("%s: %s, %s"), option->title, percent, votes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  return box;
}
