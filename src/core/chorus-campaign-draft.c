/* chorus-campaign-draft.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "chorus-campaign-draft.h"
#include "chorus-error.h"
#include "chorus-image-format.h"

#define MAX_NAME_CHARS 200
#define MAX_BODY_CHARS 5000
#define MAX_LABEL_CHARS 40
/* Mastodon's limit for a media description; Bluesky takes longer ones. */
#define MAX_ALT_CHARS 1500

G_DEFINE_BOXED_TYPE (ChorusCampaignDraft, chorus_campaign_draft,
                     chorus_campaign_draft_copy, chorus_campaign_draft_free)

static void
variant_draft_free (ChorusVariantDraft *variant)
{
  g_free (variant->label);
  g_free (variant->body);
  g_free (variant->image_sha256);
  g_free (variant->image_type);
  g_free (variant->image_alt);
  g_free (variant->link_url);
  g_free (variant);
}

ChorusCampaignDraft *
chorus_campaign_draft_new (const char *name)
{
  ChorusCampaignDraft *self = g_new0 (ChorusCampaignDraft, 1);

  self->name = g_strdup (name != NULL ? name : "");
  self->goal = g_strdup ("");
  self->hypothesis = g_strdup ("");
  self->metric = g_strdup ("votes");
  self->variants = g_ptr_array_new_with_free_func ((GDestroyNotify) variant_draft_free);

  return self;
}

ChorusCampaignDraft *
chorus_campaign_draft_copy (const ChorusCampaignDraft *self)
{
  ChorusCampaignDraft *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = chorus_campaign_draft_new (self->name);
  g_free (copy->goal);
  copy->goal = g_strdup (self->goal);
  g_free (copy->hypothesis);
  copy->hypothesis = g_strdup (self->hypothesis);
  g_free (copy->metric);
  copy->metric = g_strdup (self->metric);
  copy->owner_id = self->owner_id;

  for (guint i = 0; i < self->variants->len; i++)
    {
      const ChorusVariantDraft *from = g_ptr_array_index (self->variants, i);
      ChorusVariantDraft *to = chorus_campaign_draft_add_variant (copy, from->body);

      to->label = g_strdup (from->label);
      to->image_sha256 = g_strdup (from->image_sha256);
      to->image_type = g_strdup (from->image_type);
      to->image_alt = g_strdup (from->image_alt);
      to->link_url = g_strdup (from->link_url);
    }

  return copy;
}

void
chorus_campaign_draft_free (ChorusCampaignDraft *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->goal);
  g_free (self->hypothesis);
  g_free (self->metric);
  g_ptr_array_unref (self->variants);
  g_free (self);
}

/**
 * chorus_campaign_draft_add_variant:
 *
 * Returns: (transfer none): the new variant, last, with no label, image or link
 */
ChorusVariantDraft *
chorus_campaign_draft_add_variant (ChorusCampaignDraft *self,
                                   const char          *body)
{
  ChorusVariantDraft *variant = g_new0 (ChorusVariantDraft, 1);

  g_return_val_if_fail (self != NULL, NULL);

  variant->body = g_strdup (body != NULL ? body : "");
  g_ptr_array_add (self->variants, variant);

  return variant;
}

gboolean
chorus_metric_is_valid (const char *metric)
{
  return g_strcmp0 (metric, "votes") == 0 || g_strcmp0 (metric, "likes") == 0 ||
         g_strcmp0 (metric, "reposts") == 0 || g_strcmp0 (metric, "replies") == 0 ||
         g_strcmp0 (metric, "engagements") == 0;
}

/* The label a variant gets when nobody named it: its letter, as in “B has
 * a 94 % chance to be best”. */
char *
chorus_variant_draft_dup_label (guint position)
{
  return g_strdup_printf ("%c", 'A' + (char) MIN (position, 25));
}

static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0);
}

static void
strip_in_place (char **text)
{
  if (*text != NULL)
    g_strstrip (*text);
  if (*text != NULL && **text == '\0')
    g_clear_pointer (text, g_free);
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;

  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;

  return TRUE;
}

/* An image is a known file with alt text; without one, neither its type
 * nor its alt text means anything. */
static gboolean
validate_image (ChorusVariantDraft  *variant,
                guint                position,
                GError             **error)
{
  if (variant->image_sha256 == NULL)
    {
      g_clear_pointer (&variant->image_type, g_free);
      g_clear_pointer (&variant->image_alt, g_free);
      return TRUE;
    }

  if (!is_sha256 (variant->image_sha256) || chorus_image_format_for_type (variant->image_type) == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is a variant's position, counting from 1. */
                   _("The image of variant %u was not added through Chorus: add it again."), position + 1);
      return FALSE;
    }
  if (variant->image_alt == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is a variant's position, counting from 1. */
                   _("Variant %u has an image without a description: add alt text so that everyone can read it."),
                   position + 1);
      return FALSE;
    }
  if (!g_utf8_validate (variant->image_alt, -1, NULL) || g_utf8_strlen (variant->image_alt, -1) > MAX_ALT_CHARS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: the first %u is a variant's position, counting from 1; the second a number
                    * of characters. */
                   _("The alt text of variant %u is longer than %u characters."), position + 1, MAX_ALT_CHARS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_variant (ChorusVariantDraft  *variant,
                  guint                position,
                  GError             **error)
{
  g_strstrip (variant->body);
  strip_in_place (&variant->label);
  strip_in_place (&variant->image_sha256);
  strip_in_place (&variant->image_type);
  strip_in_place (&variant->image_alt);
  strip_in_place (&variant->link_url);

  if (!g_utf8_validate (variant->body, -1, NULL) || *variant->body == '\0')
    {
      /* Translators: %u is a variant's position, counting from 1. */
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, _("Variant %u has no text."), position + 1);
      return FALSE;
    }
  if (g_utf8_strlen (variant->body, -1) > MAX_BODY_CHARS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: the first %u is a variant's position, counting from 1; the second a number
                    * of characters. */
                   _("Variant %u is longer than %u characters."), position + 1, MAX_BODY_CHARS);
      return FALSE;
    }
  if (variant->label != NULL && (!g_utf8_validate (variant->label, -1, NULL) ||
                                 g_utf8_strlen (variant->label, -1) > MAX_LABEL_CHARS))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: the first %u is a variant's position, counting from 1; the second a number
                    * of characters. */
                   _("The name of variant %u is longer than %u characters."), position + 1, MAX_LABEL_CHARS);
      return FALSE;
    }
  if (!validate_image (variant, position, error))
    return FALSE;
  if (variant->link_url != NULL && !is_web_address (variant->link_url))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is a variant's position, counting from 1. */
                   _("The link of variant %u is not a web address (https://…)."), position + 1);
      return FALSE;
    }

  if (variant->label == NULL)
    variant->label = chorus_variant_draft_dup_label (position);

  return TRUE;
}

/**
 * chorus_campaign_draft_validate:
 *
 * Trims what a person typed, names unnamed variants by their letter, and
 * checks what the store requires: a name, a known metric, 2 to 6 variants,
 * each with text (no two the same), alt text for an image and a web
 * address for a link.
 */
gboolean
chorus_campaign_draft_validate (ChorusCampaignDraft  *self,
                                GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_strstrip (self->name);
  g_strstrip (self->goal);
  g_strstrip (self->hypothesis);

  if (!g_utf8_validate (self->name, -1, NULL) || *self->name == '\0')
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT, _("A campaign needs a name."));
      return FALSE;
    }
  if (g_utf8_strlen (self->name, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %u is a number of characters. */
                   _("A campaign’s name can be at most %u characters long."), MAX_NAME_CHARS);
      return FALSE;
    }
  if (!g_utf8_validate (self->goal, -1, NULL) || !g_utf8_validate (self->hypothesis, -1, NULL))
    {
      g_set_error_literal (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           _("The goal or the hypothesis is not valid text."));
      return FALSE;
    }
  if (!chorus_metric_is_valid (self->metric))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is what was given as the metric. */
                   _("“%s” is not a metric: use votes, likes, reposts or replies."), self->metric);
      return FALSE;
    }
  if (self->variants->len < CHORUS_CAMPAIGN_MIN_VARIANTS || self->variants->len > CHORUS_CAMPAIGN_MAX_VARIANTS)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                   /* Translators: the numbers of variants a campaign can have, 2 and 6; %u is how many it
                    * has. */
                   _("A campaign has %u to %u variants, not %u."),
                   CHORUS_CAMPAIGN_MIN_VARIANTS, CHORUS_CAMPAIGN_MAX_VARIANTS, self->variants->len);
      return FALSE;
    }

  for (guint i = 0; i < self->variants->len; i++)
    {
      ChorusVariantDraft *variant = g_ptr_array_index (self->variants, i);

      if (!validate_variant (variant, i, error))
        return FALSE;

      for (guint j = 0; j < i; j++)
        {
          ChorusVariantDraft *earlier = g_ptr_array_index (self->variants, j);

          if (g_str_equal (earlier->body, variant->body) &&
              g_strcmp0 (earlier->image_sha256, variant->image_sha256) == 0)
            {
              g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           /* Translators: the two %u are variants' positions, counting from 1. */
                           _("Variants %u and %u are the same: a pre-test compares different content."), j + 1, i + 1);
              return FALSE;
            }
          if (g_str_equal (earlier->label, variant->label))
            {
              g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID_ARGUMENT,
                           /* Translators: the two %u are variants' positions, counting from 1; %s is their
                            * name. */
                           _("Variants %u and %u are both called “%s”."), j + 1, i + 1, variant->label);
              return FALSE;
            }
        }
    }

  return TRUE;
}
