/* chorus-triage-bar-why.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-store-signals.h"
#include "chorus-triage-bar-private.h"
#include "chorus-triage-change.h"

/* The top of the sentiment menu says why a conversation reads as it does:
 * the words of its newest customer post that set the automatic sentiment
 * (“not” + “good”, “love”, 😡), and whether the team's choice overrides
 * it. Read when the menu opens, for a single conversation. */

static char *
describe_driver (const ChorusSentimentDriver *driver)
{
  const char *sign = driver->contribution > 0 ? "+" : "−";

  if (driver->negator != NULL)
    /* Translators: a negated opinion word in the sentiment menu, such as
     * “not … good” −; the last %s is + or −. */
    return g_strdup_printf (_("“%s … %s” %s"), driver->negator, driver->text, sign);

  if (driver->modifier != NULL)
    /* Translators: an opinion word with its intensifier, such as “very good” +. */
    return g_strdup_printf (_("“%s %s” %s"), driver->modifier, driver->text, sign);

  /* Translators: an opinion word in the sentiment menu, such as “love” +. */
  return g_strdup_printf (_("“%s” %s"), driver->text, sign);
}

static char *
describe (ChorusSentimentAnalysis *analysis,
          gboolean                 overridden)
{
  g_autoptr(GString) words = g_string_new (NULL);
  const char *automatic = chorus_triage_sentiment_name (analysis->label);

  for (guint i = 0; i < analysis->drivers->len && i < 8; i++)
    {
      g_autofree char *driver = describe_driver (g_ptr_array_index (analysis->drivers, i));

      /* Translators: the separator between opinion words in a list. */
      g_string_append_printf (words, "%s%s", words->len > 0 ? _(", ") : "", driver);
    }

  if (words->len == 0)
    return overridden
           /* Translators: %s is a sentiment such as “Neutral”. */
           ? g_strdup_printf (_("Set by the team. Automatic: %s, no opinion words."), automatic)
           : g_strdup (_("Automatic: no opinion words in the newest customer post, so neutral."));

  return overridden
         /* Translators: the first %s is a sentiment such as “Negative”, the second a list of words. */
         ? g_strdup_printf (_("Set by the team. Automatic: %s, from %s."), automatic, words->str)
         /* Translators: the first %s is a sentiment such as “Negative”, the second a list of
          * opinion words with + or −. */
         : g_strdup_printf (_("Automatic: %s, from %s."), automatic, words->str);
}

static void
on_sentiment_menu_show_cb (GtkPopover      *popover,
                           ChorusTriageBar *self)
{
  g_autoptr(ChorusSentimentAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean overridden = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->why_label), self->conversations->len == 1 && self->store != NULL);
  if (self->conversations->len != 1 || self->store == NULL)
    return;

  /* One small query, when a person opens the menu. */
  analysis = chorus_store_dup_conversation_sentiment (self->store,
                                                      chorus_conversation_get_id (g_ptr_array_index (self->conversations, 0)),
                                                      &overridden, &error);
  if (analysis == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->why_label), FALSE);
      if (error != NULL)
        g_debug ("No sentiment to explain: %s", error->message);
      return;
    }

  text = describe (analysis, overridden);
  gtk_label_set_label (self->why_label, text);
}

void
_chorus_triage_bar_init_why (ChorusTriageBar *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->sentiment_button);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  self->why_label = GTK_LABEL (label);

  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), label, "why");
  g_signal_connect (popover, "show", G_CALLBACK (on_sentiment_menu_show_cb), self);
}
