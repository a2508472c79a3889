/* chorus-feed-date.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Feed dates as they are in the wild: RFC 822 with localized or missing
 * day names, two-digit years, missing seconds, colon-less times and zone
 * names; and RFC 3339 / ISO 8601, possibly date-only or without a zone
 * (read as UTC). */

#include "config.h"

#include <string.h>

#include "chorus-feed-parser.h"

typedef struct
{
  const char *prefix;
  int         month;
} MonthName;

/* English, German, French, Spanish, Italian and Portuguese; matched on
 * the first letters, lower case. */
static const MonthName month_names[] = {
  { "jan", 1 }, { "ene", 1 }, { "gen", 1 },
  { "feb", 2 }, { "fev", 2 }, { "fév", 2 },
  { "mar", 3 }, { "mär", 3 }, { "mrz", 3 },
  { "apr", 4 }, { "abr", 4 }, { "avr", 4 },
  { "may", 5 }, { "mai", 5 }, { "mag", 5 },
  { "juin", 6 }, { "jun", 6 }, { "giu", 6 },
  { "juil", 7 }, { "jul", 7 }, { "lug", 7 },
  { "aug", 8 }, { "ago", 8 }, { "aoû", 8 }, { "aou", 8 },
  { "sep", 9 }, { "set", 9 },
  { "oct", 10 }, { "okt", 10 }, { "out", 10 }, { "ott", 10 },
  { "nov", 11 },
  { "dec", 12 }, { "dez", 12 }, { "dic", 12 }, { "déc", 12 },
};

typedef struct
{
  const char *name;
  int         minutes;
} ZoneName;

static const ZoneName zone_names[] = {
  { "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "z", 0 }, { "wet", 0 },
  { "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
  { "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 },
  { "akst", -540 }, { "akdt", -480 }, { "hst", -600 },
  { "bst", 60 }, { "cet", 60 }, { "met", 60 }, { "cest", 120 }, { "mest", 120 },
  { "eet", 120 }, { "eest", 180 }, { "msk", 180 }, { "jst", 540 }, { "kst", 540 },
  { "aest", 600 }, { "aedt", 660 }, { "nzst", 720 }, { "nzdt", 780 },
};

typedef struct
{
  int year, month, day;
  int hour, minute, second;
  int offset;                   /* minutes east of UTC */
  gboolean has_time;
  gboolean has_zone;
  gboolean month_before_day;    /* a weekday like "mar" (martes) may be taken for March */
} DateParts;

static gint64
parts_to_unix (const DateParts *d)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (d->year < 1900 || d->year > 2200 || d->month < 1 || d->month > 12 ||
      d->day < 1 || d->day > 31 || d->hour > 24 || d->minute > 59 || d->second > 60 ||
      d->offset < -18 * 60 || d->offset > 18 * 60)
    return 0;

  tz = g_time_zone_new_offset (d->offset * 60);
  dt = g_date_time_new (tz, d->year, d->month, d->day, d->hour % 24, d->minute, MIN (d->second, 59));
  if (dt == NULL)
    return 0;
  if (d->hour == 24)
    {
      GDateTime *next = g_date_time_add_days (dt, 1);

      g_date_time_unref (dt);
      dt = next;
    }

  return g_date_time_to_unix (dt);
}

static int
read_number (const char **p,
             int          max_digits,
             int         *digits)
{
  int value = 0;

  *digits = 0;
  while (g_ascii_isdigit (**p) && *digits < max_digits)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      (*digits)++;
    }

  return value;
}

/* "+05:30", "-0800", "+02", "Z" */
static gboolean
read_offset (const char **p,
             int         *offset)
{
  int sign, hours, minutes = 0, digits;

  if (**p == 'Z' || **p == 'z')
    {
      (*p)++;
      *offset = 0;
      return TRUE;
    }
  if (**p != '+' && **p != '-')
    return FALSE;

  sign = **p == '-' ? -1 : 1;
  (*p)++;
  hours = read_number (p, 2, &digits);
  if (digits != 2)
    return FALSE;
  if (**p == ':')
    (*p)++;
  if (g_ascii_isdigit (**p))
    {
      minutes = read_number (p, 2, &digits);
      if (digits != 2)
        return FALSE;
    }

  *offset = sign * (hours * 60 + minutes);
  return TRUE;
}

/* "2023-12-16", "2000-01-01T12:00+00:00", "2019-08-01 16:15:00.123Z" */
static gint64
parse_iso8601 (const char *text)
{
  DateParts d = { 0 };
  const char *p = text;
  int digits;

  d.month = d.day = 1;
  d.year = read_number (&p, 4, &digits);
  if (digits != 4)
    return 0;

  if (*p == '-')
    {
      p++;
      d.month = read_number (&p, 2, &digits);
      if (digits == 0)
        return 0;
      if (*p == '-')
        {
          p++;
          d.day = read_number (&p, 2, &digits);
          if (digits == 0)
            return 0;
        }
    }

  if ((*p == 'T' || *p == 't' || *p == ' ') && g_ascii_isdigit (p[1]))
    {
      p++;
      d.hour = read_number (&p, 2, &digits);
      if (digits != 2 || *p++ != ':')
        return 0;
      d.minute = read_number (&p, 2, &digits);
      if (digits != 2)
        return 0;
      if (*p == ':')
        {
          p++;
          d.second = read_number (&p, 2, &digits);
        }
      if (*p == '.' || *p == ',')
        {
          p++;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }

  while (*p == ' ')
    p++;
  if (*p != '\0' && !read_offset (&p, &d.offset))
    {
      if (g_ascii_strcasecmp (p, "UTC") != 0 && g_ascii_strcasecmp (p, "GMT") != 0)
        return 0;
      p += 3;
    }

  return *p == '\0' ? parts_to_unix (&d) : 0;
}

static int
month_from_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      if (g_str_has_prefix (word, month_names[i].prefix))
        return month_names[i].month;
    }

  return 0;
}

static gboolean
zone_from_word (const char *word,
                int        *offset)
{
  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    {
      if (strcmp (word, zone_names[i].name) == 0)
        {
          *offset = zone_names[i].minutes;
          return TRUE;
        }
    }

  return FALSE;
}

/* "HH:MM[:SS[.fff]]" */
static gboolean
read_time (const char **p,
           DateParts   *d)
{
  int digits;

  d->hour = read_number (p, 2, &digits);
  if (digits == 0 || **p != ':')
    return FALSE;
  (*p)++;
  d->minute = read_number (p, 2, &digits);
  if (digits != 2)
    return FALSE;
  if (**p == ':')
    {
      (*p)++;
      d->second = read_number (p, 2, &digits);
    }
  if (**p == '.' && g_ascii_isdigit ((*p)[1]))
    {
      (*p)++;
      while (g_ascii_isdigit (**p))
        (*p)++;
    }

  d->has_time = TRUE;
  return TRUE;
}

static void
read_word (const char **p,
           DateParts   *d)
{
  const char *start = *p;
  g_autofree char *word = NULL;

  while (**p != '\0' && (g_ascii_isalpha (**p) || (guchar) **p >= 0x80))
    (*p)++;
  word = g_utf8_strdown (start, *p - start);

  /* "Tue," "mar," "Seg,": a weekday */
  if (**p == ',' && d->day == 0)
    return;

  if ((d->month == 0 || (d->month_before_day && d->day != 0)) && month_from_word (word) != 0)
    {
      d->month_before_day = d->month == 0 && d->day == 0;
      d->month = month_from_word (word);
      return;
    }
  if (d->has_time && !d->has_zone)
    d->has_zone = zone_from_word (word, &d->offset);
  /* Day names, "at", military zone letters: ignored. */
}

static void
read_digits (const char **p,
             DateParts   *d)
{
  const char *start = *p;
  int digits;
  int value = read_number (p, 8, &digits);

  if (**p == ':')
    {
      *p = start;
      if (!read_time (p, d))
        *p = start + 1;
    }
  else if (d->day == 0 && digits <= 2 && value >= 1 && value <= 31)
    d->day = value;
  else if (d->year == 0 && (digits == 4 || digits == 2))
    d->year = digits == 4 ? value : value + (value < 50 ? 2000 : 1900);
  else if (!d->has_time && digits == 4)
    {
      /* "03 Apr 02 1500 GMT" */
      d->hour = value / 100;
      d->minute = value % 100;
      d->has_time = TRUE;
    }
}

/* "Thu, 01 Aug 2019 16:15 EDT", "mer, 16 nov 2022 00:38:15 +0100",
 * "03 Apr 02 1500 GMT", "Tue, 15 Nov 2022 20:15:04 Z" */
static gint64
parse_rfc822 (const char *text)
{
  DateParts d = { 0 };
  const char *p = text;

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        read_digits (&p, &d);
      else if ((*p == '+' || *p == '-') && d.has_time && !d.has_zone && g_ascii_isdigit (p[1]))
        {
          const char *sign = p;

          if (!(d.has_zone = read_offset (&p, &d.offset)))
            p = sign + 1;
        }
      else if (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
        read_word (&p, &d);
      else
        p++;
    }

  if (d.day == 0 || d.month == 0 || d.year == 0)
    return 0;

  return parts_to_unix (&d);
}

/**
 * chorus_feed_parse_date:
 * @text: (nullable): a date from a feed
 *
 * Reads RFC 822 dates (pubDate) with their real-world variants and
 * RFC 3339 / ISO 8601 dates (Atom, dc:date, JSON Feed). A missing zone
 * means UTC; a missing time means midnight.
 *
 * Returns: the Unix time, or 0 when @text is not a date
 */
gint64
chorus_feed_parse_date (const char *text)
{
  g_autofree char *trimmed = NULL;
  gint64 result;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return 0;

  trimmed = g_strstrip (g_strdup (text));
  if (strlen (trimmed) > 128)
    return 0;

  if (strlen (trimmed) >= 4 && g_ascii_isdigit (trimmed[0]) && g_ascii_isdigit (trimmed[1]) &&
      g_ascii_isdigit (trimmed[2]) && g_ascii_isdigit (trimmed[3]) &&
      (result = parse_iso8601 (trimmed)) != 0)
    return result;

  return parse_rfc822 (trimmed);
}
