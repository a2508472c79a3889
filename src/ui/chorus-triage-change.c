/* chorus-triage-change.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-store-triage.h"
#include "chorus-triage-change.h"

/* What the triage bar and the notes panel share: their "changed" and
 * "failed" signals, finishing a store change by emitting one of them,
 * reading a list from the store (reporting a failure the same way), and
 * the words they show: names of priorities and sentiments, and the short
 * sentence a toast offering Undo says about each change. Whole sentences,
 * one per case, so that translators can order the words as they need. */

typedef struct
{
  GtkWidget        *widget;
  char             *message;
  ChorusTriageThen  then;
} Call;

static void
call_free (Call *call)
{
  g_object_unref (call->widget);
  g_free (call->message);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

/**
 * chorus_triage_class_add_signals:
 * @klass: the class of a widget that makes triage changes
 *
 * Adds the two signals through which such a widget reports its changes:
 *
 * "changed" (gint64 audit_id, const char *message): a change committed;
 * @audit_id is its audit entry, for chorus_store_undo_async(), and
 * @message a short translated sentence for a toast ("Status set to Done").
 *
 * "failed" (GError *error): a change was refused or could not be written;
 * nothing of it is left in the workspace.
 */
void
chorus_triage_class_add_signals (GObjectClass *klass)
{
  g_signal_new ("changed",
                G_TYPE_FROM_CLASS (klass),
                G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL,
                G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  g_signal_new ("failed",
                G_TYPE_FROM_CLASS (klass),
                G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_ERROR);
}

/**
 * chorus_triage_call_new:
 * @widget: a widget with the signals of chorus_triage_class_add_signals()
 * @message: (transfer full): what "changed" will say
 * @then: (nullable): called after the signal
 *
 * Returns: (transfer full): the user data of chorus_triage_call_done_cb(),
 *   the callback to give a chorus_store_…_async() triage change
 */
gpointer
chorus_triage_call_new (GtkWidget        *widget,
                        char             *message,
                        ChorusTriageThen  then)
{
  Call *call = g_new0 (Call, 1);

  call->widget = g_object_ref (widget);
  call->message = message;
  call->then = then;

  return call;
}

/* A change cancelled before it started is nobody's news: the widget that
 * asked for it is going away. */
void
chorus_triage_call_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  gint64 audit_id;

  audit_id = chorus_store_triage_finish (CHORUS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (audit_id == 0)
    g_signal_emit_by_name (call->widget, "failed", error);
  else
    g_signal_emit_by_name (call->widget, "changed", audit_id, call->message);

  if (call->then != NULL)
    call->then (call->widget, error);
}

typedef struct
{
  GtkWidget              *widget;
  ChorusTriageListFinish  finish;
  ChorusTriageListed      listed;
  gpointer                target;
} List;

/**
 * chorus_triage_list_new:
 * @widget: a widget with the signals of chorus_triage_class_add_signals()
 * @finish: the _finish() of the chorus_store_list_…_async() called
 * @listed: called with what it read
 * @target: (nullable): for @listed: where the items go
 *
 * Returns: (transfer full): the user data of chorus_triage_list_done_cb()
 */
gpointer
chorus_triage_list_new (GtkWidget              *widget,
                        ChorusTriageListFinish  finish,
                        ChorusTriageListed      listed,
                        gpointer                target)
{
  List *list = g_new0 (List, 1);

  list->widget = g_object_ref (widget);
  list->finish = finish;
  list->listed = listed;
  list->target = target;

  return list;
}

/* A list cancelled is one the widget no longer wants. */
void
chorus_triage_list_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autofree List *list = user_data;
  g_autoptr(GtkWidget) widget = list->widget;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = list->finish (CHORUS_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (items == NULL)
    g_signal_emit_by_name (widget, "failed", error);

  list->listed (widget, CHORUS_STORE (source), list->target, items);
}

/* Priorities as sentences name them ("Priority set to High"), and as the
 * dropdown lists them, where each item must make sense on its own. */
static const struct
{
  const char *name;
  const char *label;
} priorities[] = {
  { NULL, N_("No Priority") },
  { NC_("priority", "Low"), N_("Low Priority") },
  { NC_("priority", "Normal"), N_("Normal Priority") },
  { NC_("priority", "High"), N_("High Priority") },
};

static guint
priority_index (ChorusPriority priority)
{
  return MIN ((guint) priority, CHORUS_PRIORITY_HIGH);
}

const char *
chorus_triage_priority_label (ChorusPriority priority)
{
  return _(priorities[priority_index (priority)].label);
}

static const char *
priority_name (ChorusPriority priority)
{
  const char *name = priorities[priority_index (priority)].name;

  return name != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "priority", name) : "";
}

/* Sentiments as the "triage.sentiment" action names them, what they are
 * called and their faces, from CHORUS_SENTIMENT_NEGATIVE (-1) to
 * CHORUS_SENTIMENT_NONE (2). */
static const struct
{
  const char *key;
  const char *name;
  const char *icon;
} sentiments[] = {
  { "negative", NC_("sentiment", "Negative"), "face-sad-symbolic" },
  { "neutral", NC_("sentiment", "Neutral"), "face-plain-symbolic" },
  { "positive", NC_("sentiment", "Positive"), "face-smile-symbolic" },
  /* Translators: the sentiment of a conversation whose text could not be read for one. */
  { "automatic", NC_("sentiment", "Unknown"), "face-uncertain-symbolic" },
};

static guint
sentiment_index (ChorusSentiment sentiment)
{
  return (guint) CLAMP ((int) sentiment, CHORUS_SENTIMENT_NEGATIVE, CHORUS_SENTIMENT_NONE) + 1;
}

const char *
chorus_triage_sentiment_name (ChorusSentiment sentiment)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "sentiment", sentiments[sentiment_index (sentiment)].name);
}

const char *
chorus_triage_sentiment_icon (ChorusSentiment sentiment)
{
  return sentiments[sentiment_index (sentiment)].icon;
}

/* %CHORUS_SENTIMENT_NONE is "automatic": the team's override removed. */
const char *
chorus_triage_sentiment_key (ChorusSentiment sentiment)
{
  return sentiments[sentiment_index (sentiment)].key;
}

/* Unknown keys mean "automatic". */
ChorusSentiment
chorus_triage_parse_sentiment (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sentiments); i++)
    if (g_strcmp0 (key, sentiments[i].key) == 0)
      return (ChorusSentiment) ((int) i - 1);

  return CHORUS_SENTIMENT_NONE;
}

/**
 * chorus_triage_message_status:
 * @n: how many conversations changed
 * @status: the status's name
 * @closed: whether the status closes conversations
 *
 * Returns: (transfer full): the sentence for a toast
 */
char *
chorus_triage_message_status (guint       n,
                              const char *status,
                              gboolean    closed)
{
  g_autofree char *count = chorus_format_count (n);

  if (n == 1)
    /* Translators: a toast after a change; %s is a status such as “Done”. */
    return g_strdup_printf (_("Status set to %s"), status);

  if (closed)
    /* Translators: a toast after closing many conversations at once; %s is how many, formatted for the
     * locale. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation closed",
                                         "%s conversations closed", n), count);

  /* Translators: a toast after a change to many conversations; the first %s is how
   * many, formatted for the locale, the second a status such as “Waiting”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Status of %s conversation set to %s",
                                       "Status of %s conversations set to %s", n), count, status);
}

/* @member is %NULL when the conversations were unassigned. */
char *
chorus_triage_message_assignee (guint       n,
                                const char *member)
{
  g_autofree char *count = chorus_format_count (n);

  if (member == NULL && n == 1)
    /* Translators: a toast after a change. */
    return g_strdup (_("Conversation unassigned"));
  if (member == NULL)
    /* Translators: a toast after a change to many conversations; %s is how many, formatted for the locale. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation unassigned",
                                         "%s conversations unassigned", n), count);
  if (n == 1)
    /* Translators: a toast after a change; %s is a team member's name. */
    return g_strdup_printf (_("Assigned to %s"), member);

  /* Translators: a toast after a change to many conversations; the first %s is how
   * many, formatted for the locale, the second a team member's name. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation assigned to %s",
                                       "%s conversations assigned to %s", n), count, member);
}

char *
chorus_triage_message_priority (guint          n,
                                ChorusPriority priority)
{
  g_autofree char *count = chorus_format_count (n);

  if (priority == CHORUS_PRIORITY_NONE && n == 1)
    /* Translators: a toast after a change. */
    return g_strdup (_("Priority cleared"));
  if (priority == CHORUS_PRIORITY_NONE)
    /* Translators: a toast after a change to many conversations; %s is how many, formatted for the locale. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Priority of %s conversation cleared",
                                         "Priority of %s conversations cleared", n), count);
  if (n == 1)
    /* Translators: a toast after a change; %s is “Low”, “Normal” or “High”. */
    return g_strdup_printf (_("Priority set to %s"), priority_name (priority));

  /* Translators: a toast after a change to many conversations; the first %s is how
   * many, formatted for the locale, the second “Low”, “Normal” or “High”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Priority of %s conversation set to %s",
                                       "Priority of %s conversations set to %s", n),
                          count, priority_name (priority));
}

char *
chorus_triage_message_tag (guint       n,
                           const char *tag,
                           gboolean    added)
{
  g_autofree char *count = chorus_format_count (n);

  if (added && n == 1)
    /* Translators: a toast after a change; %s is a tag's name. */
    return g_strdup_printf (_("Tag “%s” added"), tag);
  if (added)
    /* Translators: a toast after a change to many conversations; the first %s is
     * a tag's name, the second how many conversations, formatted for the locale. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tag “%s” added to %s conversation",
                                         "Tag “%s” added to %s conversations", n), tag, count);
  if (n == 1)
    /* Translators: a toast after a change; %s is a tag's name. */
    return g_strdup_printf (_("Tag “%s” removed"), tag);

  /* Translators: a toast after a change to many conversations; the first %s is
   * a tag's name, the second how many conversations, formatted for the locale. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tag “%s” removed from %s conversation",
                                       "Tag “%s” removed from %s conversations", n), tag, count);
}

char *
chorus_triage_message_unread (guint n)
{
  g_autofree char *count = chorus_format_count (n);

  if (n == 1)
    /* Translators: a toast after a change. */
    return g_strdup (_("Marked as unread"));

  /* Translators: a toast after a change to many conversations; %s is how many, formatted for the locale. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s conversation marked as unread",
                                       "%s conversations marked as unread", n), count);
}

/* %CHORUS_SENTIMENT_NONE: back to the automatic sentiment. */
char *
chorus_triage_message_sentiment (guint           n,
                                 ChorusSentiment sentiment)
{
  const char *name = chorus_triage_sentiment_name (sentiment);
  g_autofree char *count = chorus_format_count (n);

  if (sentiment == CHORUS_SENTIMENT_NONE && n == 1)
    /* Translators: a toast after a change. */
    return g_strdup (_("Sentiment set back to automatic"));
  if (sentiment == CHORUS_SENTIMENT_NONE)
    /* Translators: a toast after a change to many conversations; %s is how many, formatted for the locale. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sentiment of %s conversation set back to automatic",
                                         "Sentiment of %s conversations set back to automatic", n), count);
  if (n == 1)
    /* Translators: a toast after a change; %s is “Positive”, “Neutral” or “Negative”. */
    return g_strdup_printf (_("Sentiment set to %s"), name);

  /* Translators: a toast after a change to many conversations; the first %s is how
   * many, formatted for the locale, the second “Positive”, “Neutral” or “Negative”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sentiment of %s conversation set to %s",
                                       "Sentiment of %s conversations set to %s", n), count, name);
}

char *
chorus_triage_message_note (gboolean added)
{
  /* Translators: toasts after adding or deleting an internal note. */
  return g_strdup (added ? _("Note added") : _("Note deleted"));
}
