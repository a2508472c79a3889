/* fake-mastodon-media.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "fake-mastodon-private.h"

/* The fake Mastodon server's media: POST /api/v2/media takes a multipart
 * form (file, description) as Mastodon does, records every upload for
 * the tests, and answers 202 with no url while a test says the image is
 * still being processed; GET /api/v1/media/:id then answers 206 until it
 * is done, and 200 with its url. A status may name processed uploads in
 * media_ids, and carries them as its media_attachments; an unknown or
 * unprocessed one is refused with 422, as Mastodon refuses it. Runs in
 * the server's thread; the tests read under the lock. */

#define FIRST_MEDIA_ID 310000

typedef struct
{
  FakeMastodonUpload upload;
  guint              reads_left;  /* GET /api/v1/media/:id answered 206 before it is processed */
} FakeMedium;

struct _FakeMedia
{
  char       *host;
  GMutex      lock;
  GPtrArray  *media;            /* FakeMedium */
  guint       processing_reads; /* for the uploads to come */
  gint64      size_limit;       /* bytes, as /api/v2/instance states it */
  guint       media_reads;
};

static void
fake_medium_free (FakeMedium *medium)
{
  g_free (medium->upload.id);
  g_free (medium->upload.filename);
  g_free (medium->upload.content_type);
  g_free (medium->upload.description);
  g_clear_pointer (&medium->upload.bytes, g_bytes_unref);
  g_free (medium);
}

FakeMedia *
fake_media_new (const char *host)
{
  FakeMedia *self = g_new0 (FakeMedia, 1);

  self->host = g_strdup (host);
  g_mutex_init (&self->lock);
  self->media = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_medium_free);
  self->size_limit = 16 * 1024 * 1024;
  return self;
}

void
fake_media_free (FakeMedia *self)
{
  g_ptr_array_unref (self->media);
  g_mutex_clear (&self->lock);
  g_free (self->host);
  g_free (self);
}

void
fake_mastodon_upload_free (FakeMastodonUpload *upload)
{
  if (upload == NULL)
    return;

  g_free (upload->id);
  g_free (upload->filename);
  g_free (upload->content_type);
  g_free (upload->description);
  g_clear_pointer (&upload->bytes, g_bytes_unref);
  g_free (upload);
}

/* Copies of the uploads so far, oldest first. */
GPtrArray *
fake_media_dup_uploads (FakeMedia *self)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_mastodon_upload_free);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->media->len; i++)
    {
      FakeMastodonUpload *upload = &((FakeMedium *) g_ptr_array_index (self->media, i))->upload;
      FakeMastodonUpload *copy = g_new0 (FakeMastodonUpload, 1);

      *copy = *upload;
      copy->id = g_strdup (upload->id);
      copy->filename = g_strdup (upload->filename);
      copy->content_type = g_strdup (upload->content_type);
      copy->description = g_strdup (upload->description);
      copy->bytes = g_bytes_ref (upload->bytes);
      g_ptr_array_add (copies, copy);
    }
  g_mutex_unlock (&self->lock);

  return copies;
}

void
fake_media_configure (FakeMedia *self,
                      guint      processing_reads,
                      gint64     size_limit)
{
  g_mutex_lock (&self->lock);
  self->processing_reads = processing_reads;
  if (size_limit > 0)
    self->size_limit = size_limit;
  g_mutex_unlock (&self->lock);
}

gint64
fake_media_get_size_limit (FakeMedia *self,
                           guint     *media_reads)
{
  gint64 limit;

  g_mutex_lock (&self->lock);
  limit = self->size_limit;
  if (media_reads != NULL)
    *media_reads = self->media_reads;
  g_mutex_unlock (&self->lock);

  return limit;
}

/* Called with the lock held. */
static FakeMedium *
find_medium (FakeMedia  *self,
             const char *id)
{
  for (guint i = 0; i < self->media->len; i++)
    {
      FakeMedium *medium = g_ptr_array_index (self->media, i);

      if (g_strcmp0 (medium->upload.id, id) == 0)
        return medium;
    }

  return NULL;
}

/* @medium as a MediaAttachment, in the shape of docs/GET_media_id_200.json. */
static JsonObject *
attachment_object (FakeMedia  *self,
                   FakeMedium *medium)
{
  JsonObject *object = json_object_new ();
  g_autofree char *url = g_strdup_printf ("https://%s/media/original/%s", self->host, medium->upload.id);
  g_autofree char *preview = g_strdup_printf ("https://%s/media/small/%s", self->host, medium->upload.id);

  json_object_set_string_member (object, "id", medium->upload.id);
  json_object_set_string_member (object, "type", "image");
  if (medium->reads_left > 0)
    json_object_set_null_member (object, "url");
  else
    json_object_set_string_member (object, "url", url);
  json_object_set_string_member (object, "preview_url", preview);
  json_object_set_null_member (object, "remote_url");
  if (medium->upload.description != NULL)
    json_object_set_string_member (object, "description", medium->upload.description);
  else
    json_object_set_null_member (object, "description");
  json_object_set_null_member (object, "blurhash");
  return object;
}

static char *
attachment_json (FakeMedia  *self,
                 FakeMedium *medium)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), attachment_object (self, medium));

  json_object_unref (json_node_get_object (node));
  return json_to_string (node, FALSE);
}

/* The form's part @name: its body, and its file name and type when it is a file. */
static GBytes *
find_part (SoupMultipart  *multipart,
           const char     *name,
           char          **filename,
           char          **content_type)
{
  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *headers;
      GBytes *body;
      g_autoptr(GHashTable) params = NULL;
      g_autofree char *disposition = NULL;

      if (!soup_multipart_get_part (multipart, i, &headers, &body) ||
          !soup_message_headers_get_content_disposition (headers, &disposition, &params) ||
          g_strcmp0 (g_hash_table_lookup (params, "name"), name) != 0)
        continue;

      if (filename != NULL)
        *filename = g_strdup (g_hash_table_lookup (params, "filename"));
      if (content_type != NULL)
        *content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
      return g_bytes_ref (body);
    }

  return NULL;
}

/* POST /api/v2/media. Called with the lock held. */
static guint
upload (FakeMedia          *self,
        SoupServerMessage  *message,
        GString           **body)
{
  SoupMessageBody *request = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) bytes = g_bytes_new (request->data, request->length);
  g_autoptr(SoupMultipart) multipart =
    soup_multipart_new_from_message (soup_server_message_get_request_headers (message), bytes);
  g_autoptr(GBytes) description = NULL;
  g_autofree char *json = NULL;
  FakeMedium *medium;

  medium = g_new0 (FakeMedium, 1);
  if (multipart == NULL ||
      !(medium->upload.bytes = find_part (multipart, "file", &medium->upload.filename, &medium->upload.content_type)))
    {
      fake_medium_free (medium);
      *body = g_string_new ("{\"error\":\"Validation failed: File can't be blank\"}");
      return 422;
    }
  if ((gint64) g_bytes_get_size (medium->upload.bytes) > self->size_limit)
    {
      fake_medium_free (medium);
      *body = g_string_new ("{\"error\":\"Validation failed: File file size must be less than the limit\"}");
      return 422;
    }

  if ((description = find_part (multipart, "description", NULL, NULL)))
    medium->upload.description = g_strndup (g_bytes_get_data (description, NULL), g_bytes_get_size (description));
  medium->upload.id = g_strdup_printf ("%u", FIRST_MEDIA_ID + self->media->len);
  medium->reads_left = self->processing_reads;
  g_ptr_array_add (self->media, medium);

  *body = g_string_new (json = attachment_json (self, medium));
  return medium->reads_left > 0 ? 202 : 200;
}

/* GET /api/v1/media/:id. Called with the lock held. */
static guint
read_medium (FakeMedia   *self,
             const char  *id,
             GString    **body)
{
  FakeMedium *medium = find_medium (self, id);
  g_autofree char *json = NULL;
  guint status;

  self->media_reads++;
  if (medium == NULL)
    {
      *body = g_string_new ("{\"error\":\"Record not found\"}");
      return 404;
    }

  /* Read once more while processing: the next read may find it done. */
  status = medium->reads_left > 0 ? 206 : 200;
  *body = g_string_new (json = attachment_json (self, medium));
  if (medium->reads_left > 0)
    medium->reads_left--;
  return status;
}

/**
 * fake_media_route:
 * @signed_in: whether the request carries the server's token
 *
 * Answers the media routes, in @body with its status; returns 0 when
 * @path is none of them.
 */
guint
fake_media_route (FakeMedia          *self,
                  SoupServerMessage  *message,
                  const char         *path,
                  gboolean            signed_in,
                  GString           **body)
{
  const char *method = soup_server_message_get_method (message);
  gboolean is_upload = g_str_equal (method, "POST") && g_str_equal (path, "/api/v2/media");
  gboolean is_read = g_str_equal (method, "GET") && g_str_has_prefix (path, "/api/v1/media/");
  guint status;

  if (!is_upload && !is_read)
    return 0;

  if (!signed_in)
    {
      *body = g_string_new ("{\"error\":\"The access token is invalid\"}");
      return 401;
    }

  g_mutex_lock (&self->lock);
  status = is_upload ? upload (self, message, body) : read_medium (self, path + strlen ("/api/v1/media/"), body);
  g_mutex_unlock (&self->lock);

  return status;
}

/**
 * fake_media_attach:
 * @ids: a status's media_ids
 * @refusal: (out): Mastodon's answer when one cannot be attached
 *
 * Returns: (transfer full) (nullable): the media_attachments of a status
 *   naming @ids, or %NULL with @refusal set (answer 422)
 */
JsonArray *
fake_media_attach (FakeMedia  *self,
                   JsonArray  *ids,
                   GString   **refusal)
{
  g_autoptr(JsonArray) attachments = json_array_new ();

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      FakeMedium *medium = find_medium (self, json_array_get_string_element (ids, i));

      if (medium == NULL || medium->reads_left > 0)
        {
          g_mutex_unlock (&self->lock);
          *refusal = g_string_new (medium == NULL ? "{\"error\":\"Validation failed: Media ids are not valid\"}"
                                   : "{\"error\":\"Cannot attach files that have not finished processing. "
                                     "Try again in a moment!\"}");
          return NULL;
        }
      medium->upload.attached = TRUE;
      json_array_add_object_element (attachments, attachment_object (self, medium));
    }
  g_mutex_unlock (&self->lock);

  return g_steal_pointer (&attachments);
}
