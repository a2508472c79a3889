/* chorus-conversation-row.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <glib/gi18n.h>

#include "chorus-avatar.h"
#include "chorus-conversation-row.h"
#include "chorus-format.h"
#include "chorus-search-query.h"
#include "chorus-text.h"

struct _ChorusConversationRow
{
  GtkWidget           parent_instance;

  GtkWidget          *row_box;
  ChorusAvatar       *avatar;
  GtkLabel           *name_label;
  GtkLabel           *handle_label;
  GtkLabel           *time_label;
  GtkWidget          *unread_dot;
  GtkLabel           *excerpt_label;
  GtkLabel           *network_label;
  GtkLabel           *status_label;
  GtkLabel           *details_label;

  ChorusConversation *conversation;
  char               *search_text;
  ChorusSearchQuery  *search;         /* search_text, parsed */
};

G_DEFINE_FINAL_TYPE (ChorusConversationRow, chorus_conversation_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONVERSATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What the one line of the widest row holds: a search's excerpt is cut
 * around its first match to this, so that the match shows. One line, not
 * two: laying out wrapped excerpts was most of the time a search took to
 * show its first rows at a million posts. */
#define EXCERPT_CHARS 100

static const char * const network_classes[] = { "mastodon", "bluesky", "discourse", "feed", NULL };

/* Past the @mentions a post starts with ("@brand@social.example Where is
 * my order?"): the one line a row has goes to what the person said. A
 * post of mentions only keeps them. */
static const char *
skip_leading_mentions (const char *text)
{
  const char *p = text;

  while (*p == '@')
    {
      const char *end = p;

      while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      while (*end != '\0' && g_unichar_isspace (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      if (*end == '\0')
        return text;
      p = end;
    }

  return p;
}

/* One line of calm text: line breaks in a post would make rows uneven. */
static char *
flatten_excerpt (const char *text)
{
  g_autoptr(GString) flat = g_string_new (NULL);
  gboolean pending_space = FALSE;

  for (const char *p = skip_leading_mentions (text ? text : ""); *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = flat->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (flat, ' ');
      pending_space = FALSE;
      g_string_append_unichar (flat, c);
    }

  return g_string_free (g_steal_pointer (&flat), FALSE);
}

static char *
build_details (ChorusConversation *conversation)
{
  guint posts = chorus_conversation_get_post_count (conversation);
  const char *assignee = chorus_conversation_get_assignee (conversation);
  g_autofree char *posts_text = NULL;

  /* Translators: how many posts a conversation has. */
  posts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post", "%u posts", posts), posts);

  if (assignee == NULL || *assignee == '\0')
    return g_steal_pointer (&posts_text);

  /* Translators: "4 posts · Assigned to Priya"; %s are the post count and a name. */
  return g_strdup_printf (_("%s · Assigned to %s"), posts_text, assignee);
}

static void
update (ChorusConversationRow *self)
{
  ChorusConversation *c = self->conversation;
  const char *network = c ? chorus_conversation_get_network (c) : NULL;
  g_autofree char *safe_name = c ? chorus_text_safe_name (chorus_conversation_get_author_name (c)) : NULL;
  g_autofree char *handle = c ? chorus_text_safe_name (chorus_conversation_get_author_handle (c)) : NULL;
  const char *name = safe_name;
  g_autofree char *excerpt = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *details = NULL;
  gboolean unread;

  if (name == NULL || *name == '\0')
    name = handle != NULL ? handle : _("Unknown author");

  chorus_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->handle_label, handle);

  excerpt = flatten_excerpt (c ? chorus_conversation_get_excerpt (c) : NULL);
  if (self->search != NULL && !chorus_search_query_is_empty (self->search))
    {
      g_autofree char *markup = chorus_search_query_highlight (self->search, excerpt, EXCERPT_CHARS);

      gtk_label_set_markup (self->excerpt_label, markup);
    }
  else
    gtk_label_set_text (self->excerpt_label, excerpt);

  if (c != NULL && chorus_conversation_get_last_activity (c) > 0)
    time_text = chorus_format_relative_time (g_get_real_time () / G_USEC_PER_SEC,
                                             chorus_conversation_get_last_activity (c));
  gtk_label_set_label (self->time_label, time_text);

  for (guint i = 0; network_classes[i]; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->network_label), network_classes[i]);
  if (network != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->network_label), network);
  gtk_label_set_label (self->network_label, chorus_format_network (network));

  gtk_label_set_label (self->status_label, c ? chorus_conversation_get_status (c) : NULL);
  if (c != NULL && chorus_conversation_get_closed (c))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "closed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "closed");

  details = c ? build_details (c) : NULL;
  gtk_label_set_label (self->details_label, details);

  unread = c != NULL && chorus_conversation_get_unread (c);
  gtk_widget_set_visible (self->unread_dot, unread);
  if (unread)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unread");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unread");
}

static void
chorus_conversation_row_dispose (GObject *object)
{
  ChorusConversationRow *self = (ChorusConversationRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_CONVERSATION_ROW);
  g_clear_object (&self->conversation);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->search, chorus_search_query_free);

  G_OBJECT_CLASS (chorus_conversation_row_parent_class)->dispose (object);
}

static void
chorus_conversation_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ChorusConversationRow *self = CHORUS_CONVERSATION_ROW (object);

  switch (prop_id)
    {
    case PROP_CONVERSATION:
      g_value_set_object (value, self->conversation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_conversation_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ChorusConversationRow *self = CHORUS_CONVERSATION_ROW (object);

  switch (prop_id)
    {
    case PROP_CONVERSATION:
      chorus_conversation_row_set_conversation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_conversation_row_class_init (ChorusConversationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_conversation_row_dispose;
  object_class->get_property = chorus_conversation_row_get_property;
  object_class->set_property = chorus_conversation_row_set_property;

  properties [PROP_CONVERSATION] =
    g_param_spec_object ("conversation", NULL, NULL,
                         CHORUS_TYPE_CONVERSATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CHORUS_TYPE_AVATAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-conversation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationRow, row_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationRow, handle_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationRow, unread_dot);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationRow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationRow, network_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusConversationRow, details_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chorus_conversation_row_init (ChorusConversationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ChorusConversation *
chorus_conversation_row_get_conversation (ChorusConversationRow *self)
{
  g_return_val_if_fail (CHORUS_IS_CONVERSATION_ROW (self), NULL);

  return self->conversation;
}

void
chorus_conversation_row_set_conversation (ChorusConversationRow *self,
                                          ChorusConversation    *conversation)
{
  g_return_if_fail (CHORUS_IS_CONVERSATION_ROW (self));
  g_return_if_fail (!conversation || CHORUS_IS_CONVERSATION (conversation));

  if (!g_set_object (&self->conversation, conversation))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION]);
}

/* Returns: %TRUE if @search_text differs from the search the row had. */
static gboolean
store_search (ChorusConversationRow *self,
              const char            *search_text)
{
  if (g_strcmp0 (self->search_text, search_text) == 0)
    return FALSE;

  g_free (self->search_text);
  self->search_text = g_strdup (search_text);
  g_clear_pointer (&self->search, chorus_search_query_free);
  if (search_text != NULL && *search_text != '\0')
    self->search = chorus_search_query_parse (search_text);
  return TRUE;
}

/**
 * chorus_conversation_row_set_search:
 * @search_text: (nullable): what the search box holds
 *
 * Highlights the search's words in the excerpt.
 */
void
chorus_conversation_row_set_search (ChorusConversationRow *self,
                                    const char            *search_text)
{
  g_return_if_fail (CHORUS_IS_CONVERSATION_ROW (self));

  if (store_search (self, search_text))
    update (self);
}

/**
 * chorus_conversation_row_bind:
 * @conversation: what the row shows
 * @search_text: (nullable): the words to highlight, as the search box holds them
 *
 * Sets both the conversation and the search, and fills the row once: a
 * list binds rows by the hundred when a search replaces its items.
 */
void
chorus_conversation_row_bind (ChorusConversationRow *self,
                              ChorusConversation    *conversation,
                              const char            *search_text)
{
  gboolean search_changed;

  g_return_if_fail (CHORUS_IS_CONVERSATION_ROW (self));
  g_return_if_fail (CHORUS_IS_CONVERSATION (conversation));

  search_changed = store_search (self, search_text);
  if (g_set_object (&self->conversation, conversation))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION]);
    }
  else if (search_changed)
    update (self);
}

/**
 * chorus_conversation_row_unbind:
 *
 * Lets go of the conversation, leaving the labels as they are: for a row
 * that leaves the list, which nobody sees until it is bound again. Filling
 * the labels with nothing cost as much as filling them, for each of the
 * hundreds of rows a search replaces.
 */
void
chorus_conversation_row_unbind (ChorusConversationRow *self)
{
  g_return_if_fail (CHORUS_IS_CONVERSATION_ROW (self));

  if (g_set_object (&self->conversation, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION]);
}
