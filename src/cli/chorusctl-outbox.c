/* chorusctl-outbox.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-http.h"
#include "chorus-outbox.h"
#include "chorus-outbox-sender.h"
#include "chorusctl-outbox.h"

/* chorusctl's outbox, for scripts:
 *
 *   chorusctl --workspace FILE reply --post POST_ID --text TEXT
 *   chorusctl --workspace FILE outbox list [--conversation ID]
 *   chorusctl --workspace FILE outbox send [--source ID]
 *   chorusctl --workspace FILE outbox retry|cancel ID
 *   chorusctl --workspace FILE outbox edit ID --text TEXT
 *
 * "reply" only queues (and prints the item's id); "outbox send" sends,
 * with its progress on standard error, and exits 0 only when everything
 * went out. */

static int
run_reply (const ChorusctlCommand *command,
           const ChorusctlGlobals *globals,
           int                     argc,
           char                  **argv)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 post_id = 0;
  gint64 id;
  const GOptionEntry entries[] = {
    { "post", 0, 0, G_OPTION_ARG_INT64, &post_id, N_("The post to answer (its number in the workspace)"),
      N_("POST_ID") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("What the reply says"), N_("TEXT") },
    { NULL }
  };
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  if (post_id <= 0 || text == NULL)
    return chorusctl_usage_error (command, _("Give the post to answer with --post, and the reply with --text."));

  if (!(store = chorusctl_open_workspace (globals, &error)) ||
      !(id = chorus_store_queue_reply (store, post_id, text, &error)))
    return chorusctl_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return CHORUSCTL_EXIT_OK;
}

/* One line, for a tab-separated column. */
static char *
dup_cell (const char *text)
{
  char *cell = g_strdup (text != NULL && *text != '\0' ? text : "-");

  return g_strdelimit (cell, "\t\r\n", ' ');
}

static int
list_outbox (ChorusStore *store,
             gint64       conversation_id)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (!(items = chorus_store_list_outbox (store, conversation_id, &error)))
    return chorusctl_fail (error);

  for (guint i = 0; i < items->len; i++)
    {
      ChorusOutboxItem *item = g_ptr_array_index (items, i);
      g_autofree char *body = dup_cell (chorus_outbox_item_get_body (item));
      g_autofree char *reason = dup_cell (chorus_outbox_item_get_last_error (item));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%u\t%" G_GINT64_FORMAT "\t%s\t%s\n",
               chorus_outbox_item_get_id (item),
               chorus_outbox_kind_to_string (chorus_outbox_item_get_kind (item)),
               chorus_outbox_state_to_string (chorus_outbox_item_get_state (item)),
               chorus_outbox_item_get_attempts (item),
               chorus_outbox_item_get_conversation_id (item),
               body, reason);
    }

  return CHORUSCTL_EXIT_OK;
}

static void
on_item_finished_cb (ChorusOutboxSender *sender,
                     gint64              id,
                     const char         *state,
                     const GError       *error,
                     gpointer            user_data)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *reason = dup_cell (error != NULL ? error->message : NULL);

  if (g_str_equal (state, "sent"))
    /* Translators: progress on standard error; %s is an outbox item's number. */
    g_printerr (_("Item %s: sent.\n"), number);
  else if (g_str_equal (state, "failed"))
    /* Translators: %s is an outbox item's number, then why it failed. */
    g_printerr (_("Item %s: failed: %s\n"), number, reason);
  else
    /* Translators: %s is an outbox item's number, then why it was not sent yet. */
    g_printerr (_("Item %s: still queued: %s\n"), number, reason);
}

static void
on_flushed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static int
send_outbox (ChorusStore *store,
             gint64       source_id)
{
  g_autoptr(ChorusHttp) http = chorus_http_new ();
  g_autoptr(ChorusOutboxSender) sender = chorus_outbox_sender_new (store, http);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ChorusOutboxSummary summary = { 0, };

  g_signal_connect (sender, "item-finished", G_CALLBACK (on_item_finished_cb), NULL);
  chorus_outbox_sender_flush_async (sender, source_id, NULL, on_flushed_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (!chorus_outbox_sender_flush_finish (sender, result, &summary, &error))
    return chorusctl_fail (error);

  /* Translators: the summary of "chorusctl outbox send". */
  g_print (_("%u sent, %u failed, %u still queued.\n"), summary.sent, summary.failed, summary.waiting);

  return summary.failed > 0 || summary.waiting > 0 ? CHORUSCTL_EXIT_FAILURE : CHORUSCTL_EXIT_OK;
}

/* retry, cancel and edit: one item, named by its id. */
static int
change_item (const ChorusctlCommand *command,
             ChorusStore            *store,
             const char             *action,
             const char             *id_text,
             const char             *text)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean done;

  if (!chorusctl_parse_id (id_text, &id))
    /* Translators: %s is what was given where an outbox item's number was expected. */
    return chorusctl_usage_error (command, _("“%s” is not an outbox item’s number."), id_text ? id_text : "");

  if (g_str_equal (action, "retry"))
    done = chorus_store_retry_outbox_item (store, id, &error);
  else if (g_str_equal (action, "cancel"))
    done = chorus_store_cancel_outbox_item (store, id, &error);
  else if (text != NULL)
    done = chorus_store_edit_outbox_item (store, id, text, &error);
  else
    return chorusctl_usage_error (command, _("Give the reply’s new text with --text."));

  return done ? CHORUSCTL_EXIT_OK : chorusctl_fail (error);
}

static int
run_outbox (const ChorusctlCommand *command,
            const ChorusctlGlobals *globals,
            int                     argc,
            char                  **argv)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *text = NULL;
  gint64 conversation_id = 0;
  gint64 source_id = 0;
  const GOptionEntry entries[] = {
    { "conversation", 0, 0, G_OPTION_ARG_INT64, &conversation_id, N_("list: only this conversation’s items"),
      N_("ID") },
    { "source", 0, 0, G_OPTION_ARG_INT64, &source_id, N_("send: only this source’s items"), N_("ID") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("edit: the reply’s new text"), N_("TEXT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, NULL },
    { NULL }
  };
  const char *action;
  guint n;
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  n = words != NULL ? g_strv_length (words) : 0;
  action = n > 0 ? words[0] : "";
  if (!g_str_equal (action, "list") && !g_str_equal (action, "send") && !g_str_equal (action, "retry") &&
      !g_str_equal (action, "cancel") && !g_str_equal (action, "edit"))
    return chorusctl_usage_error (command, _("Say what to do: list, send, retry, cancel or edit."));

  if (n != (g_str_equal (action, "list") || g_str_equal (action, "send") ? 1u : 2u))
    /* Translators: %s is "list", "send", "retry", "cancel" or "edit". */
    return chorusctl_usage_error (command, _("“outbox %s” takes other arguments; see --help."), action);

  if (!(store = chorusctl_open_workspace (globals, &error)))
    return chorusctl_fail (error);

  if (g_str_equal (action, "list"))
    return list_outbox (store, conversation_id);
  if (g_str_equal (action, "send"))
    return send_outbox (store, source_id);

  return change_item (command, store, action, words[1], text);
}

const ChorusctlCommand chorusctl_reply_command = {
  "reply",
  "",
  N_("Queue a reply to a post; prints the outbox item’s id (“outbox send” sends it)"),
  TRUE,
  run_reply,
};

const ChorusctlCommand chorusctl_outbox_command = {
  "outbox",
  N_("list | send | retry ID | cancel ID | edit ID"),
  N_("List, send, retry, cancel or edit what Chorus sends: replies, likes and reposts"),
  TRUE,
  run_outbox,
};
