/* chorus-html.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* HTML from the networks is untrusted. libxml2's HTML parser builds a tree
 * (it copes with unclosed and misnested tags the way browsers do); a walk
 * over that tree, without recursion, writes plain text and markup side by
 * side. Only five kinds of markup ever come out (b, i, tt, s and a), every
 * text run goes through g_markup_escape_text(), and both outputs are capped,
 * so hostile input can cost time linear in its size and nothing more. */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "chorus-html.h"
#include "chorus-html-private.h"

#define MAX_HTML_INPUT (4 * 1024 * 1024)
#define MAX_MARKUP     (4 * CHORUS_HTML_MAX_TEXT)
#define MARKUP_RESERVE (64 * 1024)        /* closing tags and link hrefs */
#define ELLIPSIS       "\xe2\x80\xa6"

#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                      HTML_PARSE_RECOVER | HTML_PARSE_COMPACT)

/* The first five roles are the formats that markup keeps. */
typedef enum
{
  FORMAT_BOLD,
  FORMAT_ITALIC,
  FORMAT_MONO,
  FORMAT_STRIKE,
  FORMAT_LINK,
  N_FORMATS,
  ROLE_INLINE = N_FORMATS,
  ROLE_DROP,
  ROLE_BLOCK,
  ROLE_BREAK,
  ROLE_CELL,
  ROLE_IMAGE,
  ROLE_PRE,
} Role;

typedef Role Format;

typedef struct
{
  Role        role;
  const char *names;
} RoleNames;

static const RoleNames role_names[] = {
  { FORMAT_BOLD, " b strong " },
  { FORMAT_ITALIC, " i em " },
  { FORMAT_MONO, " code kbd samp tt " },
  { FORMAT_STRIKE, " s del strike " },
  { FORMAT_LINK, " a " },
  { ROLE_PRE, " pre " },
  { ROLE_BREAK, " br " },
  { ROLE_IMAGE, " img " },
  { ROLE_CELL, " td th " },
  { ROLE_BLOCK, " p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote table tr caption section "
                "article header footer aside nav figure figcaption hr address main details "
                "summary form fieldset legend center " },
  { ROLE_DROP, " script style head title template iframe object embed applet frame frameset "
               "noframes noembed svg math canvas audio video select input param meta link base " },
};

static const char * const open_tags[] = { "<b>", "<i>", "<tt>", "<s>" };
static const char * const close_tags[] = { "</b>", "</i>", "</tt>", "</s>", "</a>" };

typedef struct
{
  Format   format;
  xmlNode *node;               /* the element that asked for it */
  char    *href;               /* links only, already escaped */
  gboolean emitted;            /* written lazily, just before text */
} Frame;

typedef struct
{
  GString    *plain;
  GString    *markup;
  const char *base_uri;
  Frame       frames[N_FORMATS];
  guint       n_frames;
  guint       pending_breaks;  /* newlines wanted before the next text: 0, 1 or 2 */
  gboolean    pending_space;
  guint       trailing_newlines;
  guint       pre_depth;
  gboolean    full;
} Writer;


static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static Role
role_for (const xmlChar *name)
{
  char key[16];

  if (g_snprintf (key, sizeof key, " %s ", (const char *) name) >= (int) sizeof key)
    return ROLE_INLINE;

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (strstr (role_names[i].names, key) != NULL)
        return role_names[i].role;
    }

  return ROLE_INLINE;
}

static gboolean
has_class (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = (char *) xmlGetProp (node, (const xmlChar *) "class");
  g_auto(GStrv) tokens = NULL;

  if (value == NULL)
    return FALSE;

  g_strdelimit (value, "\t\n\r\f", ' ');
  tokens = g_strsplit (value, " ", -1);

  return g_strv_contains ((const char * const *) tokens, name);
}

static void
append_both (Writer     *w,
             const char *text)
{
  g_string_append (w->plain, text);
  g_string_append (w->markup, text);
}

static void
flush_pending (Writer *w)
{
  if (w->plain->len > 0)
    {
      if (w->pending_breaks > w->trailing_newlines)
        {
          for (guint i = w->trailing_newlines; i < w->pending_breaks; i++)
            append_both (w, "\n");
          w->trailing_newlines = w->pending_breaks;
        }
      else if (w->pending_breaks == 0 && w->pending_space && w->trailing_newlines == 0)
        {
          append_both (w, " ");
        }
    }

  w->pending_breaks = 0;
  w->pending_space = FALSE;
}

static void
open_frames (Writer *w)
{
  for (guint i = 0; i < w->n_frames; i++)
    {
      Frame *frame = &w->frames[i];

      if (frame->emitted)
        continue;

      if (frame->format == FORMAT_LINK)
        g_string_append_printf (w->markup, "<a href=\"%s\">", frame->href);
      else
        g_string_append (w->markup, open_tags[frame->format]);
      frame->emitted = TRUE;
    }
}

static gboolean
has_frame (Writer *w,
           Format  format)
{
  for (guint i = 0; i < w->n_frames; i++)
    {
      if (w->frames[i].format == format)
        return TRUE;
    }

  return FALSE;
}

/* Nested <b><b><b>… adds nothing, and skipping it bounds the markup. */
static void
push_frame (Writer  *w,
            Format   format,
            xmlNode *node,
            char    *href)
{
  if (has_frame (w, format))
    {
      g_free (href);
      return;
    }

  g_assert (w->n_frames < N_FORMATS);
  w->frames[w->n_frames++] = (Frame) { format, node, href, FALSE };
}

static void
pop_frame (Writer *w)
{
  Frame *frame = &w->frames[--w->n_frames];

  if (frame->emitted)
    g_string_append (w->markup, close_tags[frame->format]);
  g_clear_pointer (&frame->href, g_free);
}

/* Writes sanitized text as it is (no whitespace collapsing), within the
 * output caps. */
static void
write_run (Writer     *w,
           const char *text,
           gsize       length)
{
  g_autofree char *escaped = NULL;
  gsize plain_room;
  gsize markup_room;
  gboolean truncated = FALSE;

  if (length == 0 || w->full)
    return;

  flush_pending (w);

  plain_room = CHORUS_HTML_MAX_TEXT - MIN (w->plain->len, CHORUS_HTML_MAX_TEXT);
  markup_room = MAX_MARKUP - MARKUP_RESERVE - MIN (w->markup->len, MAX_MARKUP - MARKUP_RESERVE);
  markup_room /= 6;   /* the longest escape, &quot; */
  if (length > MIN (plain_room, markup_room))
    {
      length = _chorus_html_utf8_floor (text, MIN (plain_room, markup_room));
      truncated = TRUE;
    }

  open_frames (w);
  g_string_append_len (w->plain, text, length);
  escaped = g_markup_escape_text (text, length);
  g_string_append (w->markup, escaped);

  for (w->trailing_newlines = 0; w->trailing_newlines < length; w->trailing_newlines++)
    {
      if (text[length - 1 - w->trailing_newlines] != '\n')
        break;
    }

  if (truncated)
    {
      append_both (w, ELLIPSIS);
      w->full = TRUE;
    }
}

static void
write_text (Writer     *w,
            const char *text)
{
  g_autoptr(GString) clean = NULL;
  g_autofree char *valid = NULL;
  const char *p;

  if (text == NULL || w->full)
    return;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (text));
  _chorus_html_append_sanitized (clean, text, strlen (text));

  if (w->pre_depth > 0)
    {
      write_run (w, clean->str, clean->len);
      return;
    }

  p = clean->str;
  while (*p != '\0' && !w->full)
    {
      const char *start;

      if (is_html_space (*p))
        {
          w->pending_space = TRUE;
          p++;
          continue;
        }

      start = p;
      while (*p != '\0' && !is_html_space (*p))
        p++;
      write_run (w, start, p - start);
    }
}

static void
request_breaks (Writer *w,
                guint   count)
{
  w->pending_breaks = MIN (MAX (w->pending_breaks, count), 2);
}

static void
enter_link (Writer  *w,
            xmlNode *node)
{
  g_autofree char *href = NULL;
  g_autofree char *link = NULL;

  /* GtkLabel does not nest links. */
  if (has_frame (w, FORMAT_LINK))
    return;

  href = (char *) xmlGetProp (node, (const xmlChar *) "href");
  link = chorus_html_resolve_link (w->base_uri, href);
  if (link != NULL)
    push_frame (w, FORMAT_LINK, node, g_markup_escape_text (link, -1));
}

/* Returns whether to walk into the element's children; when it does,
 * leave_element() runs once they are done. */
static gboolean
enter_element (Writer  *w,
               xmlNode *node)
{
  Role role = role_for (node->name);

  if (role == ROLE_DROP)
    return FALSE;

  if (role == ROLE_BREAK)
    {
      w->pending_breaks = MIN (w->pending_breaks + 1, 2);
      return FALSE;
    }

  if (role == ROLE_IMAGE)
    {
      if (has_class (node, "emoji"))
        {
          g_autofree char *alt = (char *) xmlGetProp (node, (const xmlChar *) "alt");

          write_text (w, alt);
        }
      return FALSE;
    }

  /* Mastodon hides the scheme and the tail of long links this way. */
  if (has_class (node, "invisible"))
    return FALSE;

  if (role == ROLE_BLOCK)
    request_breaks (w, 2);
  else if (role == ROLE_CELL)
    w->pending_space = TRUE;
  else if (role == FORMAT_LINK)
    enter_link (w, node);
  else if (role < N_FORMATS)
    push_frame (w, role, node, NULL);
  else if (role == ROLE_PRE)
    {
      request_breaks (w, 2);
      w->pre_depth++;
      push_frame (w, FORMAT_MONO, node, NULL);
    }

  return TRUE;
}

static void
leave_element (Writer  *w,
               xmlNode *node)
{
  Role role = role_for (node->name);

  if (w->n_frames > 0 && w->frames[w->n_frames - 1].node == node)
    pop_frame (w);

  if (role == ROLE_BLOCK || role == ROLE_PRE)
    request_breaks (w, 2);
  else if (role == ROLE_CELL)
    w->pending_space = TRUE;

  if (role == ROLE_PRE)
    w->pre_depth--;

  if (has_class (node, "ellipsis"))
    write_run (w, ELLIPSIS, strlen (ELLIPSIS));
}

static gboolean
enter_node (Writer  *w,
            xmlNode *node)
{
  if (node->type == XML_ELEMENT_NODE)
    return enter_element (w, node);

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    write_text (w, (const char *) node->content);

  return FALSE;
}

/* Depth-first over the tree through parent pointers: no recursion, so
 * thousands of nested tags cost no stack. */
static void
walk_tree (Writer  *w,
           xmlNode *top)
{
  xmlNode *node = top->children;

  while (node != NULL && !w->full)
    {
      if (enter_node (w, node))
        {
          if (node->children != NULL)
            {
              node = node->children;
              continue;
            }
          leave_element (w, node);
        }

      while (node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node == top)
            return;
          leave_element (w, node);
        }
      node = node->next;
    }
}

/**
 * chorus_html_ensure_libxml:
 *
 * Initializes libxml2 once. Its xmlInitParser() is not thread-safe on
 * the first call, and the HTML and feed parsers run in worker threads, so
 * they all go through here first.
 */
void
chorus_html_ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * chorus_html_convert_full:
 * @html: HTML, as a fragment or a whole document
 * @length: its length in bytes, or -1 if it is nul-terminated
 * @base_uri: (nullable): absolute URI that relative links resolve against;
 *   with %NULL relative links are not clickable
 * @plain_text: (out) (optional): plain text for search and excerpts
 * @markup: (out) (optional): safe Pango markup for display
 * @error: return location for an error
 *
 * Like chorus_html_convert(), resolving relative links against @base_uri
 * (feed entries and Discourse posts use them).
 *
 * Returns: %TRUE; the conversion never fails on bad HTML
 */
gboolean
chorus_html_convert_full (const char *html,
                          gssize      length,
                          const char *base_uri,
                          char      **plain_text,
                          char      **markup,
                          GError    **error)
{
  g_autofree char *valid = NULL;
  Writer w = { 0 };
  htmlDocPtr doc = NULL;

  g_return_val_if_fail (html != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = strlen (html);
  if (length > MAX_HTML_INPUT)
    length = _chorus_html_utf8_floor (html, MAX_HTML_INPUT);

  valid = g_utf8_make_valid (html != NULL ? html : "", length);
  w.plain = g_string_new (NULL);
  w.markup = g_string_new (NULL);
  w.base_uri = base_uri;

  if (*valid != '\0')
    {
      chorus_html_ensure_libxml ();
      doc = htmlReadMemory (valid, strlen (valid), NULL, "UTF-8", HTML_OPTIONS);
    }

  if (doc != NULL)
    {
      walk_tree (&w, (xmlNode *) doc);
      xmlFreeDoc (doc);
    }
  else if (*valid != '\0')
    {
      /* Only when libxml2 cannot allocate its parser: show the text as is. */
      write_text (&w, valid);
    }

  while (w.n_frames > 0)
    pop_frame (&w);

  g_strchomp (w.plain->str);
  g_string_set_size (w.plain, strlen (w.plain->str));

  if (plain_text != NULL)
    *plain_text = g_strdup (w.plain->str);
  if (markup != NULL)
    *markup = g_strdup (w.markup->str);
  g_string_free (w.plain, TRUE);
  g_string_free (w.markup, TRUE);

  return TRUE;
}

/**
 * chorus_html_convert:
 * @html: HTML, as a fragment or a whole document
 * @length: its length in bytes, or -1 if it is nul-terminated
 * @plain_text: (out) (optional): plain text for search and excerpts
 * @markup: (out) (optional): safe Pango markup for display
 * @error: return location for an error
 *
 * Converts untrusted HTML into plain text and Pango markup. Paragraphs
 * become blank lines, `<br>` a newline; whitespace collapses; scripts,
 * styles and embedded documents disappear, as do Mastodon's invisible
 * link parts (`<span class="ellipsis">` gets "…"). The markup uses only
 * `<b>`, `<i>`, `<tt>`, `<s>` and `<a href>` with absolute http, https or
 * mailto targets. Invalid UTF-8 is repaired, bidi controls and invisible
 * spacers are removed, and the text is capped at %CHORUS_HTML_MAX_TEXT bytes.
 *
 * Returns: %TRUE; the conversion never fails on bad HTML
 */
gboolean
chorus_html_convert (const char *html,
                     gssize      length,
                     char      **plain_text,
                     char      **markup,
                     GError    **error)
{
  return chorus_html_convert_full (html, length, NULL, plain_text, markup, error);
}
