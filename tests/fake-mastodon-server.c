/* fake-mastodon-server.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <glib-unix.h>
#include <json-glib/json-glib.h>

#include "fake-mastodon.h"

/* The fake Mastodon server of the GTest units (fake-mastodon.c) as a
 * program of its own, for end-to-end tests that drive the real binaries:
 *
 *   fake-mastodon-server --token TOKEN --record FILE [--statuses N]
 *                        [--mention-every N] [--corpus DIR]
 *
 * It listens on 127.0.0.1 and a random port, prints its address on one
 * line of standard output, and serves until standard input closes or it
 * is sent SIGTERM or SIGINT. Every write it receives (POST
 * /api/v1/statuses and the like) is written to FILE as a JSON array,
 * oldest first, each with its path, Idempotency-Key, body as received and
 * the HTTP status it was answered with; FILE is replaced whole (renamed
 * into place), so a reader never sees half of it. */

#define POLL_MS 50

typedef struct
{
  FakeMastodon *server;
  GMainLoop    *loop;
  char         *record;
  guint         recorded;
} Server;

static gboolean
write_record (Server  *self,
              GError **error)
{
  g_autoptr(GPtrArray) writes = fake_mastodon_dup_writes (self->server);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  if (writes->len == self->recorded && g_file_test (self->record, G_FILE_TEST_EXISTS))
    return TRUE;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < writes->len; i++)
    {
      FakeMastodonWrite *write = g_ptr_array_index (writes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, write->path);
      json_builder_set_member_name (builder, "idempotency_key");
      if (write->idempotency_key != NULL)
        json_builder_add_string_value (builder, write->idempotency_key);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, write->body);
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, write->status);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  if (!g_file_set_contents (self->record, json, -1, error))
    return FALSE;

  self->recorded = writes->len;
  return TRUE;
}

static gboolean
on_poll_cb (gpointer user_data)
{
  Server *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!write_record (self, &error))
    {
      g_printerr ("fake-mastodon-server: %s\n", error->message);
      g_main_loop_quit (self->loop);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
on_stdin_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  Server *self = user_data;
  char buffer[256];
  ssize_t length = 0;

  if (condition & G_IO_IN)
    length = read (fd, buffer, sizeof buffer);

  /* What comes on standard input is ignored; its end ends the server. */
  if (length > 0)
    return G_SOURCE_CONTINUE;

  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
on_signal_cb (gpointer user_data)
{
  Server *self = user_data;

  g_main_loop_quit (self->loop);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *token = NULL;
  g_autofree char *record = NULL;
  g_autofree char *corpus = NULL;
  int statuses = 12;
  int mention_every = 3;
  const GOptionEntry entries[] = {
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, "The access token the server accepts", "TOKEN" },
    { "record", 0, 0, G_OPTION_ARG_FILENAME, &record, "Where to write the writes received, as JSON", "FILE" },
    { "statuses", 0, 0, G_OPTION_ARG_INT, &statuses, "How many statuses the server holds (12)", "N" },
    { "mention-every", 0, 0, G_OPTION_ARG_INT, &mention_every,
      "Every nth status mentions the account (3)", "N" },
    { "corpus", 0, 0, G_OPTION_ARG_FILENAME, &corpus, "The corpus (default: $CHORUS_CORPUS_DIR)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  FakeMastodonConfig config = { 0, };
  Server self = { 0, };

  g_option_context_set_summary (context, "A fake Mastodon server on 127.0.0.1, for end-to-end tests.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("fake-mastodon-server: %s\n", error->message);
      return 2;
    }

  if (corpus == NULL)
    corpus = g_strdup (g_getenv ("CHORUS_CORPUS_DIR"));
  if (token == NULL || record == NULL || corpus == NULL || statuses < 1 || mention_every < 0)
    {
      g_printerr ("fake-mastodon-server: give --token, --record and --corpus (or CHORUS_CORPUS_DIR)\n");
      return 2;
    }

  config.corpus_dir = corpus;
  config.tag = "chorus";
  config.token = token;
  config.statuses = (guint) statuses;
  config.mention_every = (guint) mention_every;

  self.record = record;
  self.loop = g_main_loop_new (NULL, FALSE);
  self.server = fake_mastodon_start (&config);
  if (!write_record (&self, &error))
    {
      g_printerr ("fake-mastodon-server: %s\n", error->message);
      fake_mastodon_stop (self.server);
      g_main_loop_unref (self.loop);
      return 1;
    }

  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, on_stdin_cb, &self);
  g_unix_signal_add (SIGTERM, on_signal_cb, &self);
  g_unix_signal_add (SIGINT, on_signal_cb, &self);
  g_timeout_add (POLL_MS, on_poll_cb, &self);

  printf ("%s\n", fake_mastodon_get_url (self.server));
  fflush (stdout);

  g_main_loop_run (self.loop);

  /* The last writes too, for whoever reads the record after the end. */
  write_record (&self, NULL);
  fake_mastodon_stop (self.server);
  g_main_loop_unref (self.loop);

  return 0;
}
