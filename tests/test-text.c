/* test-text.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <pango/pangocairo.h>

#include "chorus-text.h"

/* Names from outside, shown safely: bidi controls and invisible spacers
 * removed, and, inside Chorus's sentences, isolated so that a right-to-
 * left name or a leftover override cannot reorder the words around it.
 * The reordering is measured the way a person sees it: where Pango lays
 * out each character. */

#define RLO "\xe2\x80\xae"
#define PDF "\xe2\x80\xac"
#define LRI "\xe2\x81\xa6"
#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"
#define ZWSP "\xe2\x80\x8b"
#define ZWJ "\xe2\x80\x8d"
#define BOM "\xef\xbb\xbf"
#define WJ "\xe2\x81\xa0"
#define SHIN "\xd7\xa9"
#define RESH "\xd7\xa8"
#define HE "\xd7\x94"

static void
test_safe_name (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Kai " RLO "redlaw" PDF, "Kai redlaw" },
    { "Zo\xc3\xab" ZWSP "Trail", "Zo\xc3\xabTrail" },
    { BOM "Ana" WJ " Lima", "Ana Lima" },
    { LRI "@ana" PDI, "@ana" },
    { "two\nlines\tand a tab", "two lines and a tab" },
    { "  padded \r\n", "padded" },
    /* A family emoji is held together by zero-width joiners: kept. */
    { "\xf0\x9f\x91\xa9" ZWJ "\xf0\x9f\x91\xa7", "\xf0\x9f\x91\xa9" ZWJ "\xf0\x9f\x91\xa7" },
    { "\xd7\xa9\xd7\xa8\xd7\x94", "\xd7\xa9\xd7\xa8\xd7\x94" },   /* Hebrew stays Hebrew */
    { "bad \xff utf-8", "bad \xef\xbf\xbd utf-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = chorus_text_safe_name (cases[i].in);

      g_assert_cmpstr (safe, ==, cases[i].out);
    }

  g_assert_null (chorus_text_safe_name (NULL));
}

static void
test_isolate (void)
{
  g_autofree char *isolated = chorus_text_isolate ("Kai " RLO "redlaw");
  g_autofree char *empty = chorus_text_isolate (NULL);
  g_autofree char *nested = chorus_text_isolate ("a" PDI PDI "b");

  g_assert_cmpstr (isolated, ==, FSI "Kai redlaw" PDI);
  g_assert_cmpstr (empty, ==, FSI PDI);
  /* Stray closers cannot end the isolate early. */
  g_assert_cmpstr (nested, ==, FSI "ab" PDI);
}

/* The x position at which the character at @index of @text is drawn. */
static int
x_of (PangoLayout *layout,
      const char  *text,
      const char  *needle)
{
  PangoRectangle pos;
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  pango_layout_index_to_pos (layout, (int) (at - text), &pos);
  return pos.x;
}

/* @sentence laid out as a label would, in a paragraph of its own. */
static PangoLayout *
lay_out (const char *sentence)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);

  g_object_unref (context);
  pango_layout_set_text (layout, sentence, -1);
  return layout;
}

/* Whether "into" in @sentence is drawn left to right, as English is. */
static gboolean
into_reads_forward (const char *sentence)
{
  PangoLayout *layout = lay_out (sentence);
  gboolean forward;

  forward = x_of (layout, sentence, "into") < x_of (layout, sentence, "nto") &&
            x_of (layout, sentence, "nto") < x_of (layout, sentence, "to Bo");
  g_object_unref (layout);

  return forward;
}

/* An override left open in a name turns the rest of the sentence around
 * ("Merged Kai redlaw into Bo" read backwards from the name on); the
 * same name made safe and isolated leaves the sentence as it was. */
static void
test_override_does_not_reorder (void)
{
  const char *hostile = "Kai " RLO "redlaw";
  g_autofree char *raw = g_strdup_printf ("Merged %s into Bo", hostile);
  g_autofree char *isolated_name = chorus_text_isolate (hostile);
  g_autofree char *safe = g_strdup_printf ("Merged %s into Bo", isolated_name);

  g_assert_false (into_reads_forward (raw));
  g_assert_true (into_reads_forward (safe));
}

/* Whether, in @sentence, the "3" is drawn right of every letter of the
 * Hebrew name, where an English reader expects it. */
static gboolean
number_follows_name (const char *sentence)
{
  PangoLayout *layout = lay_out (sentence);
  int number_x;
  gboolean follows;

  number_x = x_of (layout, sentence, "3");
  follows = number_x > x_of (layout, sentence, SHIN) && number_x > x_of (layout, sentence, RESH) &&
            number_x > x_of (layout, sentence, HE);
  g_object_unref (layout);

  return follows;
}

/* A right-to-left name before a number: bare, the number joins the name's
 * run and is drawn before it ("By 3 הרש votes"); isolated, it stays after.
 * (The sentence starts with a word of ours: Pango 1.50 takes a
 * paragraph's direction from its first strong character even inside an
 * isolate, so a sentence that starts with a name takes the name's.) */
static void
test_rtl_name_isolated (void)
{
  const char *name = SHIN RESH HE;
  g_autofree char *raw = g_strdup_printf ("By %s 3 votes", name);
  g_autofree char *isolated = chorus_text_isolate (name);
  g_autofree char *safe = g_strdup_printf ("By %s 3 votes", isolated);

  g_assert_false (number_follows_name (raw));
  g_assert_true (number_follows_name (safe));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chorus/text/safe-name", test_safe_name);
  g_test_add_func ("/chorus/text/isolate", test_isolate);
  g_test_add_func ("/chorus/text/override-does-not-reorder", test_override_does_not_reorder);
  g_test_add_func ("/chorus/text/rtl-name-isolated", test_rtl_name_isolated);

  return g_test_run ();
}
