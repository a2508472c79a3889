/* chorus-discourse-ref.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-discourse-ref.h"
#include "chorus-error.h"

/* A topic or a category as a person names it: the number, or the link
 * copied from the browser. Discourse's links put the number after the
 * slug ("/t/spring-tagline/123", "/c/feedback/ideas/5"); a topic link may
 * end with a post number ("/t/spring-tagline/123/4"), which is not the
 * topic's. A link must be on the forum it is meant for. */

static gboolean
parse_number (const char *text,
              gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *id = (gint64) value;
  return TRUE;
}

/* The number in @segments after the "t" or "c" segment. */
static gboolean
parse_path (char  **segments,
            guint   n,
            ChorusDiscourseRef kind,
            gint64 *id)
{
  const char *marker = kind == CHORUS_DISCOURSE_REF_TOPIC ? "t" : "c";
  guint start = 0;

  while (start < n && g_strcmp0 (segments[start], marker) != 0)
    start++;
  if (start == n)
    return FALSE;

  if (kind == CHORUS_DISCOURSE_REF_TOPIC)
    {
      /* /t/123, /t/slug/123 or /t/slug/123/4 */
      if (start + 1 < n && parse_number (segments[start + 1], id))
        return TRUE;
      return start + 2 < n && parse_number (segments[start + 2], id);
    }

  /* /c/slug/5 or /c/parent/slug/5: the last number */
  for (guint i = n; i > start + 1; i--)
    if (parse_number (segments[i - 1], id))
      return TRUE;
  return FALSE;
}

static gboolean
same_host (GUri       *link,
           const char *forum_url)
{
  g_autoptr(GUri) forum = forum_url != NULL ? g_uri_parse (forum_url, G_URI_FLAGS_NONE, NULL) : NULL;

  if (forum == NULL)
    return TRUE;
  return g_ascii_strcasecmp (g_uri_get_host (link) ? g_uri_get_host (link) : "",
                             g_uri_get_host (forum) ? g_uri_get_host (forum) : "") == 0;
}

/**
 * chorus_discourse_parse_ref:
 * @text: what the person typed or pasted
 * @forum_url: (nullable): the forum the link must be on
 * @id: (out): the topic's or category's number
 *
 * Returns: %TRUE with @id set, or %FALSE with @error saying what to type
 */
gboolean
chorus_discourse_parse_ref (const char          *text,
                            ChorusDiscourseRef   kind,
                            const char          *forum_url,
                            gint64              *id,
                            GError             **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GUri) uri = NULL;
  g_auto(GStrv) segments = NULL;
  const char *path = trimmed;

  if (parse_number (trimmed, id))
    return TRUE;

  if (strstr (trimmed, "://") != NULL)
    {
      uri = g_uri_parse (trimmed, G_URI_FLAGS_NONE, NULL);
      if (uri == NULL || !same_host (uri, forum_url))
        goto refused;
      path = g_uri_get_path (uri);
    }

  segments = g_strsplit (path, "/", -1);
  {
    g_autoptr(GPtrArray) parts = g_ptr_array_new ();

    for (guint i = 0; segments[i] != NULL; i++)
      if (*segments[i] != '\0')
        g_ptr_array_add (parts, segments[i]);

    if (parse_path ((char **) parts->pdata, parts->len, kind, id))
      return TRUE;
  }

refused:
  if (kind == CHORUS_DISCOURSE_REF_TOPIC)
    g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                         _("Paste the topic’s link from this forum (such as https://forum.example/t/our-topic/123), "
                           "or type its number."));
  else
    g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                         _("Paste the category’s link from this forum (such as https://forum.example/c/feedback/5), "
                           "or type its number."));
  return FALSE;
}
