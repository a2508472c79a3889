/* fake-mastodon-challenge.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "chorus-test-util.h"
#include "fake-mastodon-challenge.h"

/* See fake-mastodon-challenge.h. Ids are Mastodon's snowflakes (the
 * milliseconds of created_at, then 16 bits of sequence), so a timeline in
 * id order is in time order. The accounts of favourited_by and
 * reblogged_by are newest first and page with the Link header's internal
 * ids, which appear nowhere in the body, as Mastodon's do; a full page
 * has a "next" link even when nothing is left, so the last page a client
 * reads may be empty. A status's context lists the replies below it, as
 * Mastodon does, depth first. */

#define DEFAULT_LIMIT 40
#define MAX_LIMIT     80

typedef struct
{
  guint64    id;
  char      *tag;          /* the timeline it is in */
  char      *username;
  gint64     created_at;
  char      *text;
  char      *image_name;   /* or NULL */
  GPtrArray *votes[2];     /* accts, oldest first: likes, boosts */
  guint64    in_reply_to;  /* the status it answers, or 0 */
  char      *uri;          /* as another server gave it, or NULL: one of this server's */
  gint64     edited_at;    /* 0 when never edited */
} Status;

typedef struct
{
  char               *path_part;
  FakeChallengeFault  fault;
  guint               times;
} Fault;

struct _FakeChallenge
{
  char       *base;             /* without a trailing slash */
  char       *status_template;    /* JSON: json_node_copy () would share its objects */
  char       *account_template;
  GPtrArray  *statuses;         /* Status */
  GHashTable *images;           /* name → GBytes */
  GPtrArray  *faults;           /* Fault */
  GPtrArray  *requests;         /* paths, as asked */
  guint       page_size;        /* 0: as the client asks */
  guint       sequence;
};

static void
status_free (Status *status)
{
  g_free (status->tag);
  g_free (status->username);
  g_free (status->text);
  g_free (status->image_name);
  g_free (status->uri);
  g_ptr_array_unref (status->votes[0]);
  g_ptr_array_unref (status->votes[1]);
  g_free (status);
}

static void
fault_free (Fault *fault)
{
  g_free (fault->path_part);
  g_free (fault);
}

static JsonNode *
load_corpus (const char *corpus_dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (corpus_dir, "mastodon", "real", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (parser, path, &error))
    g_error ("fake-mastodon-challenge: %s: %s", path, error->message);

  return json_node_copy (json_parser_get_root (parser));
}

/* A fresh tree of @json, to change. */
static JsonNode *
parse_template (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

FakeChallenge *
fake_challenge_new (const char *corpus_dir,
                    const char *base_url)
{
  FakeChallenge *self = g_new0 (FakeChallenge, 1);
  g_autoptr(JsonNode) accounts = load_corpus (corpus_dir, "status_favourited_by.json");
  g_autoptr(JsonNode) status = load_corpus (corpus_dir, "status_two_images_created.json");

  self->base = g_strdup (base_url);
  if (g_str_has_suffix (self->base, "/"))
    self->base[strlen (self->base) - 1] = '\0';
  self->status_template = json_to_string (status, FALSE);
  self->account_template = json_to_string (json_array_get_element (json_node_get_array (accounts), 0), FALSE);
  self->statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) status_free);
  self->images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) fault_free);
  self->requests = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
fake_challenge_free (FakeChallenge *self)
{
  g_free (self->base);
  g_free (self->status_template);
  g_free (self->account_template);
  g_ptr_array_unref (self->statuses);
  g_hash_table_unref (self->images);
  g_ptr_array_unref (self->faults);
  g_ptr_array_unref (self->requests);
  g_free (self);
}

/* Test API */

/* Adds a status to @timeline_tag's timeline; a word of @text that starts
 * with "#" is a hashtag, linked and listed in its tags as Mastodon does.
 * Returns its id. */
char *
fake_challenge_add_status (FakeChallenge *self,
                           const char    *timeline_tag,
                           const char    *username,
                           gint64         created_at,
                           const char    *text,
                           const char    *image_name)
{
  Status *status = g_new0 (Status, 1);

  status->id = ((guint64) created_at * 1000) << 16 | (self->sequence++ & 0xffff);
  status->tag = g_strdup (timeline_tag);
  status->username = g_strdup (username);
  status->created_at = created_at;
  status->text = g_strdup (text);
  status->image_name = g_strdup (image_name);
  status->votes[0] = g_ptr_array_new_with_free_func (g_free);
  status->votes[1] = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->statuses, status);

  return g_strdup_printf ("%" G_GUINT64_FORMAT, status->id);
}

/* @username answers @status_id with @text; the reply is in no timeline.
 * Returns its id. */
char *
fake_challenge_add_reply (FakeChallenge *self,
                          const char    *status_id,
                          const char    *username,
                          gint64         created_at,
                          const char    *text)
{
  char *id = fake_challenge_add_status (self, "", username, created_at, text, NULL);
  Status *reply = g_ptr_array_index (self->statuses, self->statuses->len - 1);

  g_assert_true (g_ascii_string_to_unsigned (status_id, 10, 1, G_MAXUINT64, &reply->in_reply_to, NULL));
  return id;
}

/* Served at /media/@name. */
void
fake_challenge_add_image (FakeChallenge *self,
                          const char    *name,
                          GBytes        *bytes)
{
  g_hash_table_replace (self->images, g_strdup (name), g_bytes_ref (bytes));
}

static Status *
find_status (FakeChallenge *self,
             const char    *id)
{
  for (guint i = 0; i < self->statuses->len; i++)
    {
      Status *status = g_ptr_array_index (self->statuses, i);
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, status->id);

      if (g_str_equal (text, id))
        return status;
    }

  return NULL;
}

/* The author rewrites @status_id to say @text, at @edited_at. */
void
fake_challenge_edit_status (FakeChallenge *self,
                            const char    *status_id,
                            const char    *text,
                            gint64         edited_at)
{
  Status *status = find_status (self, status_id);

  g_assert_nonnull (status);
  g_free (status->text);
  status->text = g_strdup (text);
  status->edited_at = edited_at;
}

/* @status_id is another server's status, known there as @uri. */
void
fake_challenge_set_status_uri (FakeChallenge *self,
                               const char    *status_id,
                               const char    *uri)
{
  Status *status = find_status (self, status_id);

  g_assert_nonnull (status);
  g_free (status->uri);
  status->uri = g_strdup (uri);
}

void
fake_challenge_delete_status (FakeChallenge *self,
                              const char    *status_id)
{
  Status *status = find_status (self, status_id);

  g_assert_nonnull (status);
  g_ptr_array_remove (self->statuses, status);
}

/* @acct, "user" for an account of this server or "user@host", gives
 * @vote (@on) or takes it back. */
void
fake_challenge_vote (FakeChallenge     *self,
                     const char        *status_id,
                     FakeChallengeVote  vote,
                     const char        *acct,
                     gboolean           on)
{
  Status *status = find_status (self, status_id);
  guint index;

  g_assert_nonnull (status);
  if (on)
    g_ptr_array_add (status->votes[vote], g_strdup (acct));
  else if (g_ptr_array_find_with_equal_func (status->votes[vote], acct, g_str_equal, &index))
    g_ptr_array_remove_index (status->votes[vote], index);
  else
    g_assert_not_reached ();
}

/* The most accounts a page of favourited_by or reblogged_by holds,
 * whatever the client asks. */
void
fake_challenge_set_page_size (FakeChallenge *self,
                              guint          accounts)
{
  self->page_size = accounts;
}

/* The next @times requests whose path contains @path_part fail so. */
void
fake_challenge_add_fault (FakeChallenge      *self,
                          const char         *path_part,
                          FakeChallengeFault  fault,
                          guint               times)
{
  Fault *added = g_new0 (Fault, 1);

  added->path_part = g_strdup (path_part);
  added->fault = fault;
  added->times = times;
  g_ptr_array_add (self->faults, added);
}

guint
fake_challenge_count_requests (FakeChallenge *self,
                               const char    *path_part)
{
  guint count = 0;

  for (guint i = 0; i < self->requests->len; i++)
    count += strstr (g_ptr_array_index (self->requests, i), path_part) != NULL;

  return count;
}

/* JSON */

static JsonNode *
build_account (FakeChallenge *self,
               const char    *acct)
{
  JsonNode *node = parse_template (self->account_template);
  JsonObject *account = json_node_get_object (node);
  g_autofree char *username = g_strndup (acct, strcspn (acct, "@"));
  const char *host = strchr (acct, '@');
  g_autofree char *url = host != NULL ? g_strdup_printf ("https://%s/@%s", host + 1, username)
                                      : g_strdup_printf ("%s/@%s", self->base, username);
  g_autofree char *id = g_strdup_printf ("%u", g_str_hash (acct));

  json_object_set_string_member (account, "id", id);
  json_object_set_string_member (account, "username", username);
  json_object_set_string_member (account, "acct", acct);
  json_object_set_string_member (account, "display_name", username);
  json_object_set_string_member (account, "url", url);
  json_object_set_string_member (account, "uri", url);
  return node;
}

static void
format_time (gint64  seconds,
             char   *out,
             gsize   size)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000Z");

  g_strlcpy (out, text, size);
}

/* The status's content, with its hashtags linked, and its tags. */
static char *
build_content (FakeChallenge *self,
               Status        *status,
               JsonArray     *tags)
{
  g_auto(GStrv) words = g_strsplit (status->text, " ", -1);
  GString *html = g_string_new ("<p>");

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (words[i], -1);

      if (i > 0)
        g_string_append_c (html, ' ');
      if (words[i][0] == '#' && words[i][1] != '\0')
        {
          g_autofree char *name = g_ascii_strdown (words[i] + 1, -1);
          g_autofree char *url = g_strdup_printf ("https://fake.example/tags/%s", name);
          JsonObject *tag = json_object_new ();

          json_object_set_string_member (tag, "name", name);
          json_object_set_string_member (tag, "url", url);
          json_array_add_object_element (tags, tag);
          g_string_append_printf (html, "<a href=\"%s\" class=\"mention hashtag\" rel=\"tag\">#<span>%s</span></a>",
                                  url, escaped + 1);
        }
      else
        g_string_append (html, escaped);
    }

  g_string_append (html, "</p>");
  return g_string_free (html, FALSE);
}

static void
append_status (FakeChallenge *self,
               GString       *out,
               Status        *status)
{
  g_autoptr(JsonNode) node = parse_template (self->status_template);
  JsonObject *object = json_node_get_object (node);
  JsonArray *media = json_object_get_array_member (object, "media_attachments");
  JsonArray *tags = json_array_new ();
  JsonArray *attachments = json_array_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, status->id);
  g_autofree char *uri = status->uri != NULL ? g_strdup (status->uri)
                                             : g_strdup_printf ("%s/users/%s/statuses/%s", self->base,
                                                                status->username, id);
  g_autofree char *url = g_strdup_printf ("https://fake.example/@%s/%s", status->username, id);
  g_autofree char *content = build_content (self, status, tags);
  g_autofree char *json = NULL;
  char created[64];

  format_time (status->created_at, created, sizeof created);
  if (status->image_name != NULL)
    {
      JsonNode *attachment = json_node_copy (json_array_get_element (media, 0));
      g_autofree char *image_url = g_strdup_printf ("%s/media/%s", self->base, status->image_name);

      json_object_set_string_member (json_node_get_object (attachment), "id", id);
      json_object_set_string_member (json_node_get_object (attachment), "url", image_url);
      json_object_set_string_member (json_node_get_object (attachment), "preview_url", image_url);
      json_array_add_element (attachments, attachment);
    }

  if (status->in_reply_to != 0)
    {
      g_autofree char *parent = g_strdup_printf ("%" G_GUINT64_FORMAT, status->in_reply_to);

      json_object_set_string_member (object, "in_reply_to_id", parent);
    }
  if (status->edited_at != 0)
    {
      char edited[64];

      format_time (status->edited_at, edited, sizeof edited);
      json_object_set_string_member (object, "edited_at", edited);
    }
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "uri", uri);
  json_object_set_string_member (object, "url", url);
  json_object_set_string_member (object, "created_at", created);
  json_object_set_string_member (object, "content", content);
  json_object_set_array_member (object, "tags", tags);
  json_object_set_array_member (object, "media_attachments", attachments);
  json_object_set_member (object, "account", build_account (self, status->username));
  json_object_set_int_member (object, "favourites_count", status->votes[FAKE_CHALLENGE_LIKE]->len);
  json_object_set_int_member (object, "reblogs_count", status->votes[FAKE_CHALLENGE_BOOST]->len);

  json = json_to_string (node, FALSE);
  g_string_append (out, json);
}

/* Answers */

static guint64
query_number (GHashTable *query,
              const char *name)
{
  const char *value = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  guint64 number = 0;

  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &number, NULL))
    number = 0;

  return number;
}

static guint
query_limit (GHashTable *query)
{
  guint64 limit = query_number (query, "limit");

  if (limit == 0)
    limit = DEFAULT_LIMIT;

  return (guint) MIN (limit, MAX_LIMIT);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Status *sa = *(const Status * const *) a;
  const Status *sb = *(const Status * const *) b;

  return sa->id < sb->id ? 1 : sa->id > sb->id ? -1 : 0;
}

/* A page of a tag's timeline, newest first: with min_id, the oldest
 * above it (paging forward), otherwise the newest. */
static void
serve_timeline (FakeChallenge     *self,
                SoupServerMessage *message,
                const char        *tag,
                GHashTable        *query)
{
  g_autoptr(GPtrArray) page = g_ptr_array_new ();
  guint64 min_id = MAX (query_number (query, "min_id"), query_number (query, "since_id"));
  guint64 max_id = query_number (query, "max_id");
  guint limit = query_limit (query);
  GString *body = g_string_new ("[");
  guint first = 0;
  guint end;

  for (guint i = 0; i < self->statuses->len; i++)
    {
      Status *status = g_ptr_array_index (self->statuses, i);

      if (g_ascii_strcasecmp (status->tag, tag) == 0 && status->id > min_id && (max_id == 0 || status->id < max_id))
        g_ptr_array_add (page, status);
    }
  g_ptr_array_sort (page, compare_newest_first);

  end = MIN (page->len, limit);
  if (query != NULL && g_hash_table_contains (query, "min_id") && page->len > limit)
    {
      first = page->len - limit;
      end = page->len;
    }

  for (guint i = first; i < end; i++)
    {
      if (i > first)
        g_string_append_c (body, ',');
      append_status (self, body, g_ptr_array_index (page, i));
    }
  g_string_append_c (body, ']');

  if (end > first)
    {
      Status *newest = g_ptr_array_index (page, first);
      Status *oldest = g_ptr_array_index (page, end - 1);
      g_autofree char *link =
        g_strdup_printf ("<%s/api/v1/timelines/tag/%s?limit=%u&max_id=%" G_GUINT64_FORMAT ">; rel=\"next\", "
                         "<%s/api/v1/timelines/tag/%s?limit=%u&min_id=%" G_GUINT64_FORMAT ">; rel=\"prev\"",
                         self->base, tag, limit, oldest->id, self->base, tag, limit, newest->id);

      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Link", link);
    }

  chorus_test_reply_json (message, 200, body->str);
  g_string_free (body, TRUE);
}

/* Who voted, newest first; internal ids are positions from 1, oldest
 * first. */
static void
serve_votes (FakeChallenge     *self,
             SoupServerMessage *message,
             const char        *path,
             Status            *status,
             FakeChallengeVote  vote,
             GHashTable        *query)
{
  GPtrArray *accts = status->votes[vote];
  guint64 max_id = query_number (query, "max_id");
  guint limit = self->page_size > 0 ? MIN (self->page_size, query_limit (query)) : query_limit (query);
  guint top = max_id > 0 ? (guint) MIN (max_id - 1, accts->len) : accts->len;
  guint bottom = top > limit ? top - limit : 0;
  g_autoptr(JsonArray) accounts = json_array_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  for (guint i = top; i > bottom; i--)
    json_array_add_element (accounts, build_account (self, g_ptr_array_index (accts, i - 1)));

  if (top > bottom)
    {
      g_autofree char *link = NULL;

      if (top - bottom == limit)
        link = g_strdup_printf ("<%s%s?limit=%u&max_id=%u>; rel=\"next\", <%s%s?limit=%u&since_id=%u>; rel=\"prev\"",
                                self->base, path, limit, bottom + 1, self->base, path, limit, top);
      else
        link = g_strdup_printf ("<%s%s?limit=%u&since_id=%u>; rel=\"prev\"", self->base, path, limit, top);
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Link", link);
    }

  node = json_node_init_array (json_node_alloc (), accounts);
  json = json_to_string (node, FALSE);
  chorus_test_reply_json (message, 200, json);
}

static Fault *
take_fault (FakeChallenge *self,
            const char    *path)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (self->faults, i);

      if (fault->times > 0 && strstr (path, fault->path_part) != NULL)
        {
          fault->times--;
          return fault;
        }
    }

  return NULL;
}

static void
serve_fault (SoupServerMessage *message,
             Fault             *fault)
{
  switch (fault->fault)
    {
    case FAKE_CHALLENGE_FAULT_RATE_LIMIT:
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", "0");
      chorus_test_reply_json (message, 429, "{\"error\":\"Too many requests\"}");
      break;

    case FAKE_CHALLENGE_FAULT_SERVER_ERROR:
      chorus_test_reply_json (message, 500, "{\"error\":\"Something went wrong\"}");
      break;

    case FAKE_CHALLENGE_FAULT_BAD_JSON:
      chorus_test_reply_json (message, 200, "{\"descendants\": [{\"id\":");
      break;

    case FAKE_CHALLENGE_FAULT_DROP:
    default:
      chorus_test_reply_dropped (message, "[{\"id\":\"1\",\"username\":\"cut\",\"acct\":\"cut\"}]");
      break;
    }
}

/* The replies below @parent, depth first, each followed by its own. */
static void
append_descendants (FakeChallenge *self,
                    GString       *body,
                    guint64        parent)
{
  for (guint i = 0; i < self->statuses->len; i++)
    {
      Status *status = g_ptr_array_index (self->statuses, i);

      if (status->in_reply_to != parent)
        continue;
      if (body->str[body->len - 1] != '[')
        g_string_append_c (body, ',');
      append_status (self, body, status);
      append_descendants (self, body, status->id);
    }
}

static void
serve_context (FakeChallenge     *self,
               SoupServerMessage *message,
               Status            *status)
{
  GString *body = g_string_new ("{\"ancestors\":[],\"descendants\":[");

  append_descendants (self, body, status->id);
  g_string_append (body, "]}");
  chorus_test_reply_json (message, 200, body->str);
  g_string_free (body, TRUE);
}

static gboolean
serve_status_votes (FakeChallenge     *self,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query)
{
  const char *rest = path + strlen ("/api/v1/statuses/");
  const char *slash = strchr (rest, '/');
  g_autofree char *id = slash != NULL ? g_strndup (rest, slash - rest) : NULL;
  Status *status = id != NULL ? find_status (self, id) : NULL;

  if (slash == NULL || (!g_str_equal (slash, "/favourited_by") && !g_str_equal (slash, "/reblogged_by") &&
                         !g_str_equal (slash, "/context")))
    return FALSE;

  if (status == NULL)
    chorus_test_reply_json (message, 404, "{\"error\":\"Record not found\"}");
  else if (g_str_equal (slash, "/context"))
    serve_context (self, message, status);
  else
    serve_votes (self, message, path, status,
                 g_str_equal (slash, "/favourited_by") ? FAKE_CHALLENGE_LIKE : FAKE_CHALLENGE_BOOST, query);

  return TRUE;
}

/* Answers @message when @path is one of its own; FALSE otherwise. */
gboolean
fake_challenge_serve (FakeChallenge     *self,
                      SoupServerMessage *message,
                      const char        *path,
                      GHashTable        *query)
{
  GBytes *image;
  Fault *fault;

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "Connection", "close");
  g_ptr_array_add (self->requests, g_strdup (path));

  if ((fault = take_fault (self, path)) != NULL)
    {
      serve_fault (message, fault);
      return TRUE;
    }

  if (g_str_has_prefix (path, "/api/v1/timelines/tag/"))
    serve_timeline (self, message, path + strlen ("/api/v1/timelines/tag/"), query);
  else if (g_str_has_prefix (path, "/media/") &&
           (image = g_hash_table_lookup (self->images, path + strlen ("/media/"))) != NULL)
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (image, NULL), g_bytes_get_size (image));
    }
  else if (!g_str_has_prefix (path, "/api/v1/statuses/") || !serve_status_votes (self, message, path, query))
    return FALSE;

  return TRUE;
}
