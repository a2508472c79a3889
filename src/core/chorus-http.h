/* chorus-http.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_HTTP (chorus_http_get_type ())

G_DECLARE_FINAL_TYPE (ChorusHttp, chorus_http, CHORUS, HTTP, GObject)

typedef struct
{
  guint   status;
  GBytes *body;
  char   *etag;
  char   *last_modified;
  char   *link;               /* the Link header, for paging */
  char   *content_type;       /* the whole header, charset included */
  gint64  date;               /* the server's clock (its Date header), Unix time, or 0 */
} ChorusHttpResponse;

void                chorus_http_response_free     (ChorusHttpResponse  *response);
const char         *chorus_http_response_get_body (ChorusHttpResponse  *response,
                                                   gsize               *length);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusHttpResponse, chorus_http_response_free)

ChorusHttp         *chorus_http_new              (void);
void                chorus_http_set_backoff      (ChorusHttp          *self,
                                                  guint                base_ms,
                                                  guint                max_attempts);
void                chorus_http_set_max_bytes    (ChorusHttp          *self,
                                                  gsize                max_bytes);
void                chorus_http_set_timeout      (ChorusHttp          *self,
                                                  guint                seconds);
void                chorus_http_set_deadline     (ChorusHttp          *self,
                                                  guint                seconds);
gboolean            chorus_http_check_url        (const char          *url,
                                                  GError             **error);
char               *chorus_http_dup_host         (const char          *url);
void                chorus_http_get_async        (ChorusHttp          *self,
                                                  const char          *url,
                                                  const char * const  *headers,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void                chorus_http_post_async       (ChorusHttp          *self,
                                                  const char          *url,
                                                  const char * const  *headers,
                                                  const char          *content_type,
                                                  GBytes              *body,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
ChorusHttpResponse *chorus_http_get_finish       (ChorusHttp          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
