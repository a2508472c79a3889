/* chorusctl-campaign.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "chorus-format.h"
#include "chorus-store-campaigns.h"
#include "chorus-verdict.h"
#include "chorusctl-campaign.h"

/* chorusctl's pre-test campaigns, for scripts (an exact interface):
 *
 *   chorusctl --workspace FILE campaign create --name NAME --variant TEXT --variant TEXT [--variant TEXT]...
 *             [--goal TEXT] [--hypothesis TEXT] [--metric votes|likes|reposts|replies]
 *   chorusctl --workspace FILE campaign list
 *   chorusctl --workspace FILE campaign results ID --csv FILE
 *   chorusctl --workspace FILE campaign analysis ID [--format text|json]
 *
 * "create" prints the new campaign's id. "list" prints one line per
 * campaign: id, state, number of variants, total count and name, separated
 * by tabs. "results" adds manual results (columns variant,count
 * [,exposures][,channel]; variant is the 1-based position) and prints the
 * run's id; a file with any bad row is refused whole, its bad rows listed
 * by line. "analysis" prints the statistics, as sentences or as JSON. */

typedef struct
{
  char    *name;
  char    *goal;
  char    *hypothesis;
  char    *metric;
  GStrv    variants;
  char    *csv;
  char    *format;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->name);
  g_free (options->goal);
  g_free (options->hypothesis);
  g_free (options->metric);
  g_strfreev (options->variants);
  g_free (options->csv);
  g_free (options->format);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
create (const ChorusctlCommand *command,
        const ChorusctlGlobals *globals,
        Options                *options)
{
  g_autoptr(ChorusCampaignDraft) draft = NULL;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (options->name == NULL)
    return chorusctl_usage_error (command, _("Give the campaign a name with --name."));
  if (options->variants == NULL || g_strv_length (options->variants) < CHORUS_CAMPAIGN_MIN_VARIANTS)
    return chorusctl_usage_error (command, _("Give at least two variants, each with --variant TEXT."));

  draft = chorus_campaign_draft_new (options->name);
  if (options->goal != NULL)
    {
      g_free (draft->goal);
      draft->goal = g_strdup (options->goal);
    }
  if (options->hypothesis != NULL)
    {
      g_free (draft->hypothesis);
      draft->hypothesis = g_strdup (options->hypothesis);
    }
  if (options->metric != NULL)
    {
      g_free (draft->metric);
      draft->metric = g_strdup (options->metric);
    }
  for (guint i = 0; options->variants[i] != NULL; i++)
    chorus_campaign_draft_add_variant (draft, options->variants[i]);

  if (!chorus_campaign_draft_validate (draft, &error))
    return chorusctl_usage_error (command, "%s", error->message);

  if (!(store = chorusctl_open_workspace (globals, &error)) ||
      (id = chorus_store_create_campaign (store, draft, &error)) == 0)
    return chorusctl_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return CHORUSCTL_EXIT_OK;
}

static int
list (const ChorusctlGlobals *globals)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = chorusctl_open_workspace (globals, &error)) ||
      !(campaigns = chorus_store_list_campaigns (store, &error)))
    return chorusctl_fail (error);

  for (guint i = 0; i < campaigns->len; i++)
    {
      ChorusCampaign *campaign = g_ptr_array_index (campaigns, i);
      g_autofree char *name = g_strdup (chorus_campaign_get_name (campaign));

      g_strdelimit (name, "\t\r\n", ' ');
      g_print ("%" G_GINT64_FORMAT "\t%s\t%u\t%" G_GINT64_FORMAT "\t%s\n",
               chorus_campaign_get_id (campaign), chorus_campaign_get_state (campaign),
               g_list_model_get_n_items (chorus_campaign_get_variants (campaign)),
               chorus_campaign_get_total_votes (campaign), name);
    }

  return CHORUSCTL_EXIT_OK;
}

static int
results (const ChorusctlGlobals *globals,
         gint64                  id,
         const char             *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(ChorusCsvTable) table = NULL;
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(ChorusCampaign) campaign = NULL;
  g_autoptr(ChorusCampaignResults) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 run_id;

  if (!(table = chorus_csv_table_new_for_file (file, NULL, &error)) ||
      !(store = chorusctl_open_workspace (globals, &error)) ||
      !(campaign = chorus_store_load_campaign (store, id, &error)) ||
      !(rows = chorus_campaign_results_from_csv (table, g_list_model_get_n_items (chorus_campaign_get_variants (campaign)),
                                                 &error)) ||
      (run_id = chorus_store_add_campaign_results (store, id, rows, &error)) == 0)
    return chorusctl_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", run_id);
  return CHORUSCTL_EXIT_OK;
}

static GStrv
dup_labels (ChorusCampaign *campaign,
            gboolean        bodies)
{
  GListModel *variants = chorus_campaign_get_variants (campaign);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (variants); i++)
    {
      g_autoptr(ChorusVariant) variant = g_list_model_get_item (variants, i);

      g_strv_builder_add (builder, bodies ? chorus_variant_get_body (variant) : chorus_variant_get_label (variant));
    }

  return g_strv_builder_end (builder);
}

static void
print_text (ChorusCampaign *campaign,
            ChorusAnalysis *analysis)
{
  g_auto(GStrv) labels = dup_labels (campaign, FALSE);
  g_autofree char *total = chorus_format_metric_count (chorus_campaign_get_metric (campaign),
                                                      chorus_analysis_get_total (analysis));
  g_autofree char *headline = chorus_verdict_dup_headline (analysis, (const char * const *) labels);
  g_autofree char *test = chorus_verdict_dup_test (analysis);
  g_autofree char *plan = chorus_verdict_dup_plan (analysis);
  g_autoptr(GPtrArray) warnings = chorus_verdict_dup_warnings (analysis);

  /* Translators: the first line of a campaign's analysis: its name, then a count such as "363 votes". */
  g_print (_("%s: %s\n"), chorus_campaign_get_name (campaign), total);
  for (guint i = 0; i < chorus_analysis_get_n_variants (analysis); i++)
    {
      const ChorusAnalysisVariant *variant = chorus_analysis_get_variant (analysis, i);
      g_autofree char *count = chorus_format_count (variant->count);
      g_autofree char *share = chorus_verdict_format_share (variant->share);
      g_autofree char *low = chorus_verdict_format_share (variant->wilson_low);
      g_autofree char *high = chorus_verdict_format_share (variant->wilson_high);
      g_autofree char *chance = chorus_format_percent (variant->chance_to_beat_all);

      /* Translators: one variant in an analysis: its position and name, its count, its share, the 95%
       * interval of the share, and its chance to be the best. */
      g_print (_("%u. %s: %s, %s (95%% interval %s to %s), %s chance to be best\n"),
               variant->index, labels[i], count, share, low, high, chance);
    }

  g_print ("%s\n", headline);
  if (test != NULL)
    g_print ("%s\n", test);
  for (guint i = 0; i < warnings->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (warnings, i));
  if (plan != NULL)
    g_print ("%s\n", plan);
}

static int
analysis (const ChorusctlCommand *command,
          const ChorusctlGlobals *globals,
          gint64                  id,
          const char             *format)
{
  g_autoptr(ChorusStore) store = NULL;
  g_autoptr(ChorusCampaign) campaign = NULL;
  g_autoptr(ChorusAnalysis) result = NULL;
  g_autoptr(GError) error = NULL;

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return chorusctl_usage_error (command, _("The format is text or json."));

  if (!(store = chorusctl_open_workspace (globals, &error)) ||
      !(campaign = chorus_store_load_campaign (store, id, &error)) ||
      !(result = chorus_campaign_analyse (campaign, &error)))
    return chorusctl_fail (error);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_auto(GStrv) texts = dup_labels (campaign, TRUE);
      g_autoptr(JsonNode) node = chorus_analysis_to_json (result, (const char * const *) texts);
      g_autofree char *json = json_to_string (node, TRUE);

      g_print ("%s\n", json);
    }
  else
    print_text (campaign, result);

  return CHORUSCTL_EXIT_OK;
}

static int
run_campaign (const ChorusctlCommand *command,
              const ChorusctlGlobals *globals,
              int                     argc,
              char                  **argv)
{
  g_auto(Options) options = { 0, };
  g_auto(GStrv) words = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &options.name, N_("create: the campaign’s name"), N_("NAME") },
    { "variant", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.variants,
      N_("create: a variant’s text; give 2 to 6"), N_("TEXT") },
    { "goal", 0, 0, G_OPTION_ARG_STRING, &options.goal, N_("create: what the campaign is for"), N_("TEXT") },
    { "hypothesis", 0, 0, G_OPTION_ARG_STRING, &options.hypothesis,
      N_("create: what the team expects to learn"), N_("TEXT") },
    { "metric", 0, 0, G_OPTION_ARG_STRING, &options.metric,
      N_("create: what the variants are compared on: votes (the default), likes, reposts or replies"),
      N_("METRIC") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &options.csv,
      N_("results: a CSV file with the columns variant,count[,exposures][,channel]"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format, N_("analysis: text (the default) or json"),
      N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, NULL },
    { NULL }
  };
  guint n_words;
  gint64 id = 0;
  int status;

  if ((status = chorusctl_parse_options (command, entries, &argc, &argv)) != CHORUSCTL_CONTINUE)
    return status;

  n_words = words != NULL ? g_strv_length (words) : 0;
  if (n_words == 1 && g_str_equal (words[0], "create"))
    return create (command, globals, &options);
  if (n_words == 1 && g_str_equal (words[0], "list"))
    return list (globals);

  if (n_words == 2 && (g_str_equal (words[0], "results") || g_str_equal (words[0], "analysis")) &&
      !chorusctl_parse_id (words[1], &id))
    /* Translators: %s is what was given as a campaign's id. */
    return chorusctl_usage_error (command, _("“%s” is not a campaign’s id."), words[1]);

  if (n_words == 2 && g_str_equal (words[0], "results"))
    {
      if (options.csv == NULL)
        return chorusctl_usage_error (command, _("Give the file of results with --csv FILE."));
      return results (globals, id, options.csv);
    }
  if (n_words == 2 && g_str_equal (words[0], "analysis"))
    return analysis (command, globals, id, options.format);

  return chorusctl_usage_error (command, _("Say what to do: create, list, results ID or analysis ID."));
}

const ChorusctlCommand chorusctl_campaign_command = {
  "campaign",
  N_("create|list|results ID|analysis ID"),
  N_("Create pre-test campaigns, add results and read the analysis"),
  TRUE,
  run_campaign,
};
