/* test-format.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pure text helpers: handles, labels, relative times, numbers. main()
 * pins TZ=UTC and the C locale so that every expected string is exact;
 * the locale cases switch to es_ES, de_DE and fr_FR (generated under
 * $LOCPATH) and read the built catalogs, as a person there sees them. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-test-util.h"

static gint64
unix_utc (int year,
          int month,
          int day,
          int hour,
          int minute,
          int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

/* Handles */

static void
assert_handle (const char *network,
               const char *handle,
               const char *server,
               const char *expected)
{
  g_autofree char *text = chorus_format_handle (network, handle, server);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_handle (void)
{
  assert_handle ("mastodon", "ana", "social.example", "@ana@social.example");
  assert_handle ("mastodon", "ana", NULL, "@ana");
  assert_handle ("mastodon", "ana", "", "@ana");
  assert_handle ("bluesky", "ana.bsky.social", "bsky.social", "@ana.bsky.social");
  assert_handle ("bluesky", "ana.bsky.social", NULL, "@ana.bsky.social");
  assert_handle ("discourse", "ana", "forum.example", "@ana");
  /* A feed's author is a name; where it wrote is the site. */
  assert_handle ("feed", "Planet GNOME", "planet.gnome.org", "planet.gnome.org");
  assert_handle ("feed", "Planet GNOME", NULL, "Planet GNOME");

  assert_handle ("mastodon", NULL, "social.example", NULL);
  assert_handle ("mastodon", "", "social.example", NULL);
  assert_handle ("bluesky", NULL, NULL, NULL);
  assert_handle ("feed", "", NULL, NULL);
  assert_handle (NULL, NULL, NULL, NULL);
}

/* Labels */

static void
test_network_labels (void)
{
  g_assert_cmpstr (chorus_format_network ("mastodon"), ==, "Mastodon");
  g_assert_cmpstr (chorus_format_network ("bluesky"), ==, "Bluesky");
  g_assert_cmpstr (chorus_format_network ("discourse"), ==, "Forum");
  g_assert_cmpstr (chorus_format_network ("feed"), ==, "Feed");
  g_assert_cmpstr (chorus_format_network ("myspace"), ==, "Other");
  g_assert_cmpstr (chorus_format_network (NULL), ==, "Other");
}

static void
test_status_labels (void)
{
  g_assert_cmpstr (chorus_format_status ("new", NULL), ==, "New");
  g_assert_cmpstr (chorus_format_status ("open", NULL), ==, "Open");
  g_assert_cmpstr (chorus_format_status ("waiting", NULL), ==, "Waiting");
  g_assert_cmpstr (chorus_format_status ("done", NULL), ==, "Done");
  g_assert_cmpstr (chorus_format_status ("done", ""), ==, "Done");
  g_assert_cmpstr (chorus_format_status ("bogus", NULL), ==, "Unknown");
  g_assert_cmpstr (chorus_format_status (NULL, NULL), ==, "Unknown");

  /* A team's own name for a status wins over the built-in one. */
  g_assert_cmpstr (chorus_format_status ("new", "Triage"), ==, "Triage");
  g_assert_cmpstr (chorus_format_status (NULL, "Escalated"), ==, "Escalated");
}

static void
test_state_labels (void)
{
  g_assert_cmpstr (chorus_format_campaign_state ("draft"), ==, "Draft");
  g_assert_cmpstr (chorus_format_campaign_state ("running"), ==, "Running");
  g_assert_cmpstr (chorus_format_campaign_state ("paused"), ==, "Paused");
  g_assert_cmpstr (chorus_format_campaign_state ("closed"), ==, "Closed");
  g_assert_cmpstr (chorus_format_campaign_state ("archived"), ==, "Archived");
  g_assert_cmpstr (chorus_format_campaign_state ("exploded"), ==, "Unknown");
  g_assert_cmpstr (chorus_format_campaign_state (NULL), ==, "Unknown");
}

static void
test_instrument_labels (void)
{
  g_assert_cmpstr (chorus_format_instrument ("mastodon_poll"), ==, "Mastodon poll");
  g_assert_cmpstr (chorus_format_instrument ("discourse_poll"), ==, "Forum poll");
  g_assert_cmpstr (chorus_format_instrument ("variant_posts"), ==, "Variant posts");
  g_assert_cmpstr (chorus_format_instrument ("manual"), ==, "Manual results");
  g_assert_cmpstr (chorus_format_instrument (NULL), ==, "Not run yet");
}

/* Relative times */

typedef struct
{
  const char *name;
  int now[6];
  int then[6];
  const char *expected;
  gboolean    in_sentence;    /* chorus_format_relative_time_in_sentence() */
} RelativeCase;

#define NOW 2026, 6, 15, 12, 0, 0

static const RelativeCase relative_cases[] = {
  { "now", { NOW }, { NOW }, "Just now" },
  { "59s-ago", { NOW }, { 2026, 6, 15, 11, 59, 1 }, "Just now" },
  { "59s-ahead", { NOW }, { 2026, 6, 15, 12, 0, 59 }, "Just now" },
  { "1-min", { NOW }, { 2026, 6, 15, 11, 59, 0 }, "1 min ago" },
  { "5-min", { NOW }, { 2026, 6, 15, 11, 55, 0 }, "5 min ago" },
  { "5-min-30s", { NOW }, { 2026, 6, 15, 11, 54, 30 }, "5 min ago" },
  { "59-min", { NOW }, { 2026, 6, 15, 11, 0, 1 }, "59 min ago" },
  { "today-1h", { NOW }, { 2026, 6, 15, 11, 0, 0 }, "11:00" },
  { "today-early", { NOW }, { 2026, 6, 15, 0, 5, 0 }, "00:05" },
  { "today-midnight", { NOW }, { 2026, 6, 15, 0, 0, 0 }, "00:00" },
  { "yesterday-late", { NOW }, { 2026, 6, 14, 23, 59, 59 }, "Yesterday" },
  { "yesterday-early", { NOW }, { 2026, 6, 14, 0, 0, 1 }, "Yesterday" },
  { "2-days", { NOW }, { 2026, 6, 13, 23, 0, 0 }, "Saturday" },
  { "3-days", { NOW }, { 2026, 6, 12, 12, 0, 0 }, "Friday" },
  { "6-days", { NOW }, { 2026, 6, 9, 8, 0, 0 }, "Tuesday" },
  { "7-days", { NOW }, { 2026, 6, 8, 12, 0, 0 }, "Jun 8" },
  { "same-year", { NOW }, { 2026, 1, 2, 9, 30, 0 }, "Jan 2" },
  { "same-year-2-digit-day", { NOW }, { 2026, 3, 12, 9, 30, 0 }, "Mar 12" },
  { "other-year", { NOW }, { 2025, 3, 12, 9, 30, 0 }, "Mar 12, 2025" },
  { "other-year-11-months", { NOW }, { 2025, 7, 4, 9, 30, 0 }, "Jul 4, 2025" },
  /* Across New Year the day difference must still be in calendar days. */
  { "new-year-yesterday-evening", { 2026, 1, 1, 10, 0, 0 }, { 2025, 12, 31, 20, 0, 0 }, "Yesterday" },
  { "new-year-yesterday-morning", { 2026, 1, 1, 10, 0, 0 }, { 2025, 12, 31, 8, 0, 0 }, "Yesterday" },
  { "new-year-2-days", { 2026, 1, 1, 10, 0, 0 }, { 2025, 12, 30, 11, 0, 0 }, "Tuesday" },
  { "new-year-6-days", { 2026, 1, 5, 12, 0, 0 }, { 2025, 12, 30, 11, 0, 0 }, "Tuesday" },
  { "new-year-7-days", { 2026, 1, 5, 12, 0, 0 }, { 2025, 12, 29, 13, 0, 0 }, "Dec 29, 2025" },
};

static void
test_relative_time (gconstpointer data)
{
  const RelativeCase *c = data;
  gint64 now = unix_utc (c->now[0], c->now[1], c->now[2], c->now[3], c->now[4], c->now[5]);
  gint64 then = unix_utc (c->then[0], c->then[1], c->then[2], c->then[3], c->then[4], c->then[5]);
  g_autofree char *text = c->in_sentence ? chorus_format_relative_time_in_sentence (now, then)
                                          : chorus_format_relative_time (now, then);

  g_test_message ("now %" G_GINT64_FORMAT ", then %" G_GINT64_FORMAT, now, then);
  g_assert_cmpstr (text, ==, c->expected);
}

static void
test_relative_time_other_year_has_year (void)
{
  gint64 now = unix_utc (NOW);
  int years[] = { 2025, 2019, 2027 };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", years[i]);
      g_autofree char *text = chorus_format_relative_time (now, unix_utc (years[i], 11, 20, 8, 0, 0));

      g_assert_nonnull (strstr (text, year));
    }
}

/* The same times, as the %s of a sentence: lower case, with the word a
 * clock time, a weekday or a date needs ("at", "on"). */
static const RelativeCase in_sentence_cases[] = {
  { "now", { NOW }, { NOW }, "just now", TRUE },
  { "5-min", { NOW }, { 2026, 6, 15, 11, 55, 0 }, "5 min ago", TRUE },
  { "today", { NOW }, { 2026, 6, 15, 9, 5, 0 }, "at 09:05", TRUE },
  { "yesterday", { NOW }, { 2026, 6, 14, 23, 59, 59 }, "yesterday", TRUE },
  { "3-days", { NOW }, { 2026, 6, 12, 12, 0, 0 }, "on Friday", TRUE },
  { "same-year", { NOW }, { 2026, 3, 12, 9, 30, 0 }, "on Mar 12", TRUE },
  { "other-year", { NOW }, { 2025, 3, 12, 9, 30, 0 }, "on Mar 12, 2025", TRUE },
};

/* Numbers */

static void
test_count_c_locale (void)
{
  struct
  {
    gint64 value;
    const char *expected;
  } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 1234, "1234" },
    { 1234567, "1234567" },
    { -1234567, "-1234567" },
    { G_GINT64_CONSTANT (9000000000), "9000000000" },
  };

  g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, "C");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = chorus_format_count (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* In the C locale: a full stop for decimals, no grouping, no space. */
static void
test_decimal_c_locale (void)
{
  struct
  {
    double value;
    guint decimals;
    const char *expected;
  } cases[] = {
    { 1234.5, 1, "1234.5" },
    { 4.425, 2, "4.42" },
    { 0.0, 0, "0" },
    { -0.25, 1, "-0.2" },
    { NAN, 1, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = chorus_format_decimal (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Where the build puts the catalogs, po/es/LC_MESSAGES/chorus.mo… */
static char *po_dir;

/* What a person in Spain, Germany or France reads: the generated locale
 * for numbers and dates, the catalog for how a percentage and a date are
 * written. */
typedef struct
{
  const char *locale;
  const char *count;    /* 1234567 */
  const char *decimal;  /* 1234.5, one decimal */
  const char *share;    /* 0.559 */
  const char *percent;  /* 0.456 */
  const char *date;     /* 12 March 2019 */
  const char *weekday;  /* a Friday three days ago */
} LocaleCase;

static const LocaleCase locale_cases[] = {
  { "es_ES.UTF-8", "1.234.567", "1.234,5", "55,9\u00a0%", "46\u00a0%", "12 mar 2019", "viernes" },
  { "de_DE.UTF-8", "1.234.567", "1.234,5", "55,9\u00a0%", "46\u00a0%", "12. Mär 2019", "Freitag" },
  /* French groups digits with a narrow no-break space. */
  { "fr_FR.UTF-8", "1\u202f234\u202f567", "1\u202f234,5", "55,9\u00a0%", "46\u00a0%", "12 mars 2019", "vendredi" },
};

static void
test_locale (gconstpointer data)
{
  const LocaleCase *c = data;
  g_autofree char *language = g_strndup (c->locale, 2);
  g_autofree char *catalog = g_build_filename (po_dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *count = NULL, *decimal = NULL, *share = NULL, *percent = NULL, *date = NULL, *weekday = NULL;

  if (!g_file_test (catalog, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The catalogs are not built in $CHORUS_BUILD_DIR/po");
      return;
    }
  if ((saved = chorus_test_switch_locale (LC_ALL, c->locale)) == NULL)
    return;

  count = chorus_format_count (1234567);
  decimal = chorus_format_decimal (1234.5, 1);
  share = chorus_format_share (0.559);
  percent = chorus_format_percent (0.456);
  date = chorus_format_date (unix_utc (2019, 3, 12, 9, 30, 0));
  weekday = chorus_format_relative_time (unix_utc (NOW), unix_utc (2026, 6, 12, 12, 0, 0));
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (count, ==, c->count);
  g_assert_cmpstr (decimal, ==, c->decimal);
  g_assert_cmpstr (share, ==, c->share);
  g_assert_cmpstr (percent, ==, c->percent);
  g_assert_cmpstr (date, ==, c->date);
  g_assert_cmpstr (weekday, ==, c->weekday);
}

static void
test_percent (void)
{
  struct
  {
    double fraction;
    const char *expected;
    const char *share;
  } cases[] = {
    { 0.456, "46%", "45.6%" },
    { 0.0, "0%", "0.0%" },
    { 1.0, "100%", "100.0%" },
    { 0.333333, "33%", "33.3%" },
    { 0.999, "100%", "99.9%" },
    { 0.004, "0%", "0.4%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = chorus_format_percent (cases[i].fraction);
      g_autofree char *share = chorus_format_share (cases[i].fraction);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_cmpstr (share, ==, cases[i].share);
    }
}

/* As AdwAvatar, which draws the other avatars of a person, makes them. */
static void
test_initials (void)
{
  struct
  {
    const char *name;
    const char *expected;
  } cases[] = {
    { "María López", "ML" },
    { "ana", "A" },
    { "  Wes Trails  ", "WT" },
    { "Tallpine Outdoors Co", "TC" },
    { "Ümit Öz", "ÜÖ" },
    { "e\xcc\x81va", "É" },
    { "@tallpine@social.example", "@" },
    { "", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = chorus_format_initials (cases[i].name);

      g_assert_cmpstr (initials, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  /* Before anything reads the zone: every expected clock time is UTC. */
  g_setenv ("TZ", "UTC", TRUE);
  tzset ();
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  /* The translated formats, for the runs in real locales. */
  po_dir = g_build_filename (g_getenv ("CHORUS_BUILD_DIR") ? g_getenv ("CHORUS_BUILD_DIR") : ".", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);
  /* Plain value checks: a wrong string fails its case and the rest still run. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/chorus/format/handle", test_handle);
  g_test_add_func ("/chorus/format/network-labels", test_network_labels);
  g_test_add_func ("/chorus/format/status-labels", test_status_labels);
  g_test_add_func ("/chorus/format/state-labels", test_state_labels);
  g_test_add_func ("/chorus/format/instrument-labels", test_instrument_labels);

  for (guint i = 0; i < G_N_ELEMENTS (relative_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/format/relative-time/%s",
                                               relative_cases[i].name);

      g_test_add_data_func (path, &relative_cases[i], test_relative_time);
    }

  g_test_add_func ("/chorus/format/relative-time/other-year-has-year",
                   test_relative_time_other_year_has_year);
  for (guint i = 0; i < G_N_ELEMENTS (in_sentence_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/format/relative-time-in-sentence/%s",
                                               in_sentence_cases[i].name);

      g_test_add_data_func (path, &in_sentence_cases[i], test_relative_time);
    }
  g_test_add_func ("/chorus/format/count/c-locale", test_count_c_locale);
  g_test_add_func ("/chorus/format/decimal/c-locale", test_decimal_c_locale);
  g_test_add_func ("/chorus/format/percent", test_percent);
  g_test_add_func ("/chorus/format/initials", test_initials);

  for (guint i = 0; i < G_N_ELEMENTS (locale_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chorus/format/locale/%.5s", locale_cases[i].locale);

      g_test_add_data_func (path, &locale_cases[i], test_locale);
    }

  ret = g_test_run ();
  g_free (po_dir);
  return ret;
}
