/* chorus-results-ranking.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chorus-challenge-results-private.h"
#include "chorus-format.h"
#include "chorus-ranked-item.h"
#include "chorus-results-format.h"

/* The ranking table of the Results view: one row per entry in rank order
 * with its thumbnail, title and author (and place, for a winner), the
 * community's votes and scores, the jury's, the combined score, an icon
 * per flag (its sentence as tooltip), and a menu of what can be done
 * with the entry. Numbers follow the locale; a score that cannot be
 * computed shows as "—". */

typedef char *(*CellText) (ChorusRankedItem *item);

static char *
rank_text (ChorusRankedItem *item)
{
  return chorus_format_count (chorus_ranked_item_get_entry (item)->rank);
}

static char *
votes_text (ChorusRankedItem *item)
{
  return chorus_format_entry_votes (chorus_ranked_item_get_entry (item));
}

static char *
community_text (ChorusRankedItem *item)
{
  return chorus_format_entry_community (chorus_ranked_item_get_ranking (item), chorus_ranked_item_get_entry (item));
}

static char *
bayesian_text (ChorusRankedItem *item)
{
  return chorus_format_score (chorus_ranked_item_get_entry (item)->bayesian_average, 2);
}

static char *
jury_text (ChorusRankedItem *item)
{
  return chorus_format_score (chorus_ranked_item_get_entry (item)->jury_score, 2);
}

static char *
combined_text (ChorusRankedItem *item)
{
  return chorus_format_score (chorus_ranked_item_get_entry (item)->combined_score, 3);
}

/* Returns: the icon that stands for @flag */
const char *
_chorus_results_flag_icon (ChorusRankingFlags flag)
{
  switch (flag)
    {
    case CHORUS_RANKING_FLAG_NEW_ACCOUNT:
      return "contact-new-symbolic";
    case CHORUS_RANKING_FLAG_BURST:
      return "weather-storm-symbolic";
    case CHORUS_RANKING_FLAG_MULTI_IDENTITY:
      return "system-users-symbolic";
    case CHORUS_RANKING_FLAG_SELF_VOTE:
      return "avatar-default-symbolic";
    case CHORUS_RANKING_FLAG_NEAR_DUPLICATE:
      return "edit-copy-symbolic";
    case CHORUS_RANKING_FLAG_PENDING:
      return "document-open-recent-symbolic";
    case CHORUS_RANKING_FLAG_NO_JURY_SCORE:
    case CHORUS_RANKING_FLAG_NO_COMMUNITY_SCORE:
    case CHORUS_RANKING_FLAG_NONE:
    default:
      return "dialog-question-symbolic";
    }
}

static ChorusRankedItem *
item_of (GtkListItem *list_item)
{
  return CHORUS_RANKED_ITEM (gtk_list_item_get_item (list_item));
}

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

/* The votes, "25 (1 excluded)", may wrap after the count where the pane is narrow. */
static void
setup_votes_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  setup_text_cb (factory, list_item, user_data);
  gtk_label_set_wrap (GTK_LABEL (gtk_list_item_get_child (list_item)), TRUE);
  gtk_label_set_justify (GTK_LABEL (gtk_list_item_get_child (list_item)), GTK_JUSTIFY_RIGHT);
}

static void
bind_text_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  CellText text = (CellText) user_data;
  g_autofree char *value = text (item_of (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), value);
}

static void
setup_thumbnail_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  GtkWidget *picture = gtk_picture_new ();

  gtk_widget_set_size_request (picture, CHORUS_RESULTS_THUMBNAIL_SIZE, CHORUS_RESULTS_THUMBNAIL_SIZE);
  gtk_widget_set_margin_top (picture, 4);
  gtk_widget_set_margin_bottom (picture, 4);
  gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (picture, "chorus-thumbnail");
  gtk_widget_add_css_class (picture, "small");
  gtk_list_item_set_child (list_item, picture);
}

static void
bind_thumbnail_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  const ChorusRankedEntry *entry = chorus_ranked_item_get_entry (item_of (list_item));
  GtkWidget *picture = gtk_list_item_get_child (list_item);

  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, entry->title, -1);
  _chorus_results_show_thumbnail (GTK_PICTURE (picture), entry->image_path);
}

static void
setup_entry_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *place = gtk_label_new (NULL);
  GtkWidget *author = gtk_label_new (NULL);
  GtkWidget *scores = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* A long title wraps to a second line, then ends in an ellipsis, but
   * keeps room for eight characters beside the place badge, which
   * keeps its size; the full title is in the tooltip. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (title), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_valign (place, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (place, GTK_ALIGN_START);
  gtk_widget_set_visible (place, FALSE);
  gtk_widget_add_css_class (place, "chorus-pill");
  gtk_widget_add_css_class (place, "chorus-place");
  gtk_label_set_xalign (GTK_LABEL (author), 0);
  gtk_label_set_ellipsize (GTK_LABEL (author), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (author, "dim-label");
  gtk_widget_add_css_class (author, "caption");

  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (line), place);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), author);
  /* The scores of the columns that gave way, where the table is narrow. */
  gtk_label_set_xalign (GTK_LABEL (scores), 0);
  gtk_label_set_wrap (GTK_LABEL (scores), TRUE);
  gtk_widget_add_css_class (scores, "dim-label");
  gtk_widget_add_css_class (scores, "caption");
  gtk_widget_add_css_class (scores, "numeric");
  gtk_box_append (GTK_BOX (box), scores);
  gtk_list_item_set_child (list_item, box);
}

static gboolean
is_support (ChorusChallengeResults *self)
{
  return self->ranking != NULL && g_strcmp0 (chorus_ranking_get_scale (self->ranking), "support") == 0;
}

/* Where the table is too narrow for their columns, the community's
 * scores, under an entry's title and author. */
static void
describe_scores (GtkLabel               *label,
                 ChorusChallengeResults *self,
                 ChorusRankedItem       *item)
{
  g_autofree char *mean = NULL;
  g_autofree char *bayesian = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (label), self->narrow);
  if (!self->narrow)
    return;

  mean = community_text (item);
  bayesian = bayesian_text (item);
  if (is_support (self))
    /* Translators: under an entry's title where the ranking is too narrow for its Support column: the
     * entry's support, such as "64%". */
    text = g_strdup_printf (_("support %s"), mean);
  else
    /* Translators: under an entry's title where the ranking is too narrow for its Mean and Bayesian
     * columns: its community's mean score and Bayesian average out of 5, such as "mean 4.21 · Bayesian 4.05". */
    text = g_strdup_printf (_("mean %s · Bayesian %s"), mean, bayesian);
  gtk_label_set_label (label, text);
}

static void
bind_entry_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  const ChorusRankedEntry *entry = chorus_ranked_item_get_entry (item_of (list_item));
  const ChorusWinner *winner = chorus_ranked_item_get_winner (item_of (list_item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *line = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (line);
  GtkWidget *place = gtk_widget_get_next_sibling (title);
  GtkWidget *author = gtk_widget_get_next_sibling (line);
  g_autofree char *place_text = winner != NULL ? chorus_format_place (winner->place) : NULL;

  gtk_label_set_label (GTK_LABEL (title), entry->title);
  gtk_widget_set_tooltip_text (title, entry->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, entry->title, -1);
  gtk_label_set_label (GTK_LABEL (place), place_text);
  gtk_widget_set_visible (place, winner != NULL);
  gtk_label_set_label (GTK_LABEL (author), entry->author != NULL ? entry->author : _("Added by hand"));
  describe_scores (GTK_LABEL (gtk_widget_get_next_sibling (author)), user_data, item_of (list_item));
}

static void
setup_flags_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_flags_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  const ChorusRankedEntry *entry = chorus_ranked_item_get_entry (item_of (list_item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);

  for (guint i = 0; i < CHORUS_RANKING_N_FLAGS; i++)
    {
      ChorusRankingFlags flag = 1 << i;
      GtkWidget *icon;

      if (!(entry->flags & flag))
        continue;
      icon = gtk_image_new_from_icon_name (_chorus_results_flag_icon (flag));
      gtk_widget_set_tooltip_text (icon, chorus_ranking_flag_describe (flag));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      chorus_ranking_flag_describe (flag), -1);
      gtk_widget_add_css_class (icon, (flag & CHORUS_RANKING_VOTE_FLAGS) ? "warning" : "dim-label");
      gtk_box_append (GTK_BOX (box), icon);
    }
}

static void
setup_menu_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Actions"));
  gtk_widget_add_css_class (button, "flat");
  gtk_list_item_set_child (list_item, button);
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             gint64      id)
{
  /* g_action_print_detailed_name () does not take the floating reference. */
  g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_int64 (id));
  g_autofree char *detailed = g_action_print_detailed_name (action, target);

  g_menu_append (menu, label, detailed);
}

/* What can be done with the entry: win (or lose its place) and be rewarded. */
static void
bind_menu_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const ChorusRankedEntry *entry = chorus_ranked_item_get_entry (item_of (list_item));
  const ChorusWinner *winner = chorus_ranked_item_get_winner (item_of (list_item));
  g_autoptr(GMenu) menu = g_menu_new ();
  /* Translators: read by screen readers for an entry's menu button; %s is the entry's title. */
  g_autofree char *label = g_strdup_printf (_("Actions for “%s”"), entry->title);
  GtkWidget *button = gtk_list_item_get_child (list_item);

  if (winner != NULL)
    append_item (menu, _("_Remove from Winners…"), "results.remove-winner", entry->submission_id);
  else if (g_strcmp0 (entry->moderation, "accepted") == 0)
    append_item (menu, _("_Choose as Winner…"), "results.choose-winner", entry->submission_id);
  if (winner != NULL && winner->cannot_announce == NULL && winner->announcement_id == 0)
    append_item (menu, _("A_nnounce…"), "results.announce", entry->submission_id);
  append_item (menu, _("Add _Reward…"), "results.add-reward", entry->submission_id);

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GtkColumnViewColumn *
add_column (ChorusChallengeResults *self,
            const char             *title,
            GCallback               setup,
            GCallback               bind,
            gpointer                data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_append_column (self->ranking_view, column);
  return column;
}

static GtkColumnViewColumn *
add_text_column (ChorusChallengeResults *self,
                 const char             *title,
                 CellText                text)
{
  return add_column (self, title, G_CALLBACK (setup_text_cb), G_CALLBACK (bind_text_cb), (gpointer) text);
}

/* The scale of a short column title, as its tooltip: "Mean (0–5)" for
 * "Mean"; or NULL. */
static const char *
describe_title (const char *title)
{
  if (g_strcmp0 (title, _("Mean")) == 0)
    return _("Mean (0–5)");
  if (g_strcmp0 (title, _("Bayesian")) == 0)
    return _("Bayesian (0–5)");
  if (g_strcmp0 (title, _("Jury")) == 0)
    return _("Jury (0–1)");
  if (g_strcmp0 (title, _("Combined")) == 0)
    return _("Combined (0–1)");
  return NULL;
}

/* The column titles are short ("Mean", its scale in the tooltip) and read
 * whole: an ellipsis had left "Me…" at 900 px, where the table has the
 * room for them once its cells are a little less padded (style.css). The
 * titles live in the column view's first child, its header row; run again
 * after a title changes. */
void
_chorus_results_fit_titles (ChorusChallengeResults *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->ranking_view));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_return_if_fail (header != NULL && g_str_equal (gtk_widget_get_css_name (header), "header"));

  collect_labels (header, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      gtk_widget_set_tooltip_text (GTK_WIDGET (label), describe_title (gtk_label_get_label (label)));
    }
}

/* Which score columns show: the Bayesian average not on a support scale,
 * neither it nor the mean where the table is narrow. */
void
_chorus_results_show_columns (ChorusChallengeResults *self)
{
  gtk_column_view_column_set_visible (self->mean_column, !self->narrow);
  gtk_column_view_column_set_visible (self->bayesian_column, !self->narrow && !is_support (self));
}

static gboolean
apply_narrow_cb (gpointer user_data)
{
  ChorusChallengeResults *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  self->fit_idle = 0;
  self->narrow = self->want_narrow;
  _chorus_results_show_columns (self);
  _chorus_results_fit_titles (self);
  /* The rows bind again, their author lines with or without the scores. */
  g_list_model_items_changed (G_LIST_MODEL (self->items), 0, n, n);
  return G_SOURCE_REMOVE;
}

/**
 * _chorus_results_fit_columns:
 * @width: the width the results are given
 *
 * Where the whole table would not fit @width with every title whole, the
 * mean and Bayesian columns give way, their scores moving under each
 * entry's title. Decided while the results are allocated, and done just
 * after, since hiding a column asks for a new size.
 */
void
_chorus_results_fit_columns (ChorusChallengeResults *self,
                             int                     width)
{
  /* What the table needs with all its columns, measured while they show. */
  if (!self->narrow)
    gtk_widget_measure (GTK_WIDGET (self->ranking_view), GTK_ORIENTATION_HORIZONTAL, -1, &self->full_width, NULL,
                        NULL, NULL);
  self->want_narrow = self->full_width > width;
  if (self->want_narrow != self->narrow && self->fit_idle == 0)
    self->fit_idle = g_idle_add (apply_narrow_cb, self);
}

void
_chorus_results_build_ranking (ChorusChallengeResults *self)
{
  GtkColumnViewColumn *column;

  g_object_unref (add_text_column (self, C_("ranking", "#"), rank_text));
  g_object_unref (add_column (self, NULL, G_CALLBACK (setup_thumbnail_cb), G_CALLBACK (bind_thumbnail_cb), NULL));
  column = add_column (self, _("Entry"), G_CALLBACK (setup_entry_cb), G_CALLBACK (bind_entry_cb), self);
  gtk_column_view_column_set_expand (column, TRUE);
  g_object_unref (column);
  g_object_unref (add_column (self, _("Votes"), G_CALLBACK (setup_votes_cb), G_CALLBACK (bind_text_cb), (gpointer) votes_text));
  self->mean_column = add_text_column (self, _("Mean"), community_text);
  self->bayesian_column = add_text_column (self, _("Bayesian"), bayesian_text);
  g_object_unref (add_text_column (self, _("Jury"), jury_text));
  g_object_unref (add_text_column (self, _("Combined"), combined_text));
  g_object_unref (add_column (self, _("Flags"), G_CALLBACK (setup_flags_cb), G_CALLBACK (bind_flags_cb), NULL));
  g_object_unref (add_column (self, NULL, G_CALLBACK (setup_menu_cb), G_CALLBACK (bind_menu_cb), NULL));
  _chorus_results_fit_titles (self);
}
