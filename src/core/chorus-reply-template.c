/* chorus-reply-template.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chorus-reply-template.h"

/* The variables of a saved reply, filled in for the person answered.
 * Braces are ASCII, so the text is walked byte by byte without ever
 * splitting a character. */

/* @value, or %NULL when it holds nothing but spaces. */
static const char *
nonblank (const char *value)
{
  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return value;
    }

  return NULL;
}

/* The length of the variable name that starts at @p, up to its closing
 * brace, or 0 when @p does not start one. */
static gsize
variable_length (const char *p)
{
  gsize n = 0;

  while (g_ascii_isalnum (p[n]) || p[n] == '_')
    n++;

  return n > 0 && p[n] == '}' ? n : 0;
}

static const char *
lookup (const char *word,
        gsize       length,
        const char *name,
        const char *handle)
{
  if (length == strlen ("name") && g_ascii_strncasecmp (word, "name", length) == 0)
    return nonblank (name) != NULL ? name : nonblank (handle);
  if (length == strlen ("handle") && g_ascii_strncasecmp (word, "handle", length) == 0)
    return nonblank (handle);

  return NULL;
}

/**
 * chorus_reply_template_expand:
 * @body: a saved reply's text
 * @name: (nullable): the display name of the person answered
 * @handle: (nullable): their handle as the network writes it ("@ana@example.social")
 *
 * Replaces {name} with @name, or @handle when the person has no name,
 * and {handle} with @handle; the names are read whatever their case.
 * Anything else in braces, and a variable with nothing to put in its
 * place, stays as written, for the person to see and fix before sending.
 * "{{" and "}}" stand for one brace.
 *
 * Returns: (transfer full): the text to insert in the reply
 */
char *
chorus_reply_template_expand (const char *body,
                              const char *name,
                              const char *handle)
{
  GString *text;

  g_return_val_if_fail (body != NULL, NULL);

  text = g_string_sized_new (strlen (body));
  for (const char *p = body; *p != '\0';)
    {
      gsize length;
      const char *value;

      if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}'))
        {
          g_string_append_c (text, p[0]);
          p += 2;
        }
      else if (p[0] == '{' && (length = variable_length (p + 1)) > 0)
        {
          if ((value = lookup (p + 1, length, name, handle)) != NULL)
            g_string_append (text, value);
          else
            g_string_append_len (text, p, length + 2);
          p += length + 2;
        }
      else
        g_string_append_c (text, *p++);
    }

  return g_string_free (text, FALSE);
}
