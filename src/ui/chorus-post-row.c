/* chorus-post-row.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-format.h"
#include "chorus-post-actions.h"
#include "chorus-post-row-private.h"
#include "chorus-text.h"
#include "chorus-thumbnailer.h"

/* One post in the thread view: the author, when, the text with its links,
 * media thumbnails, a poll with its results, and counts; indented by its
 * depth in the reply tree (at most CHORUS_POST_ROW_MAX_INDENT steps), with
 * a thin line under the parent's avatar. Rows are recycled by the list
 * view, so everything shown is rebuilt when the post changes, and images
 * still on their way for the previous post are cancelled. Links are never
 * opened here: the row emits "open-uri" for its thread view to decide.
 * Under a customer's post, where its network has them, Like and Repost
 * (Favourite and Boost on Mastodon) ask the thread view to queue one
 * through "like-requested" and "repost-requested"; once the outbox holds
 * it, the thread view says so (chorus_post_row_set_acted()) and the
 * button stays pressed. */

#define INDENT_STEP 24
#define AVATAR_SIZE 36
#define MEDIA_HEIGHT 160

struct _ChorusPostRow
{
  GtkWidget         parent_instance;

  GtkWidget        *row_box;
  GtkWidget        *thread_line;
  AdwAvatar        *avatar;
  GtkLabel         *name_label;
  GtkWidget        *own_label;
  GtkLabel         *time_label;
  GtkWidget        *edited_label;
  GtkLabel         *handle_label;
  GtkLabel         *text_label;
  GtkFlowBox       *media_box;
  GtkWidget        *poll_box;
  GtkBox           *poll_options_box;
  GtkLabel         *poll_status_label;
  GtkWidget        *footer_box;
  GtkWidget        *counts_box;
  GtkWidget        *replies_box;
  GtkLabel         *replies_label;
  GtkWidget        *reposts_box;
  GtkLabel         *reposts_label;
  GtkWidget        *likes_box;
  GtkImage         *likes_image;
  GtkLabel         *likes_label;
  GtkWidget        *actions_box;
  GtkToggleButton  *like_button;
  GtkToggleButton  *repost_button;
  gboolean          cannot_act;

  ChorusPost       *post;
  ChorusMediaCache *media_cache;
  GCancellable     *cancellable;
  guint             indent;
  gboolean          liked;
  gboolean          reposted;
};

G_DEFINE_FINAL_TYPE (ChorusPostRow, chorus_post_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_POST,
  PROP_MEDIA_CACHE,
  PROP_INDENT,
  N_PROPS
};

enum {
  OPEN_URI,
  LIKE_REQUESTED,
  REPOST_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* An image on its way: downloaded (or found) by the media cache, then
 * decoded by the thumbnailer, for an avatar or a media tile. */
typedef struct
{
  GtkWidget *target;            /* AdwAvatar or GtkPicture */
  GtkWidget *placeholder;       /* hidden once the image shows, or NULL */
  int        size;
} ImageLoad;

static void
image_load_free (ImageLoad *load)
{
  g_clear_object (&load->target);
  g_clear_object (&load->placeholder);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImageLoad, image_load_free)

static void
open_uri (ChorusPostRow *self,
          const char    *uri)
{
  if (chorus_post_link_is_safe (uri))
    g_signal_emit (self, signals[OPEN_URI], 0, uri);
}

static void
on_thumbnail_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ImageLoad) load = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (!(texture = chorus_thumbnailer_load_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail: %s", error->message);
      return;
    }

  if (ADW_IS_AVATAR (load->target))
    adw_avatar_set_custom_image (ADW_AVATAR (load->target), GDK_PAINTABLE (texture));
  else
    gtk_picture_set_paintable (GTK_PICTURE (load->target), GDK_PAINTABLE (texture));

  if (load->placeholder != NULL)
    gtk_widget_set_visible (load->placeholder, FALSE);
}

static void
on_image_fetched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ImageLoad) load = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  int size;

  if (!(path = chorus_media_cache_fetch_finish (CHORUS_MEDIA_CACHE (object), result, &error)))
    {
      /* The placeholder stays: a person sees that there is an image,
       * and can still open it. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No image: %s", error->message);
      return;
    }

  size = load->size;
  chorus_thumbnailer_load_async (path, size, cancellable, on_thumbnail_loaded_cb, g_steal_pointer (&load));
}

static void
load_image (ChorusPostRow *self,
            const char    *url,
            GtkWidget     *target,
            GtkWidget     *placeholder,
            int            size)
{
  ImageLoad *load;

  if (self->media_cache == NULL || url == NULL)
    return;

  load = g_new0 (ImageLoad, 1);
  load->target = g_object_ref (target);
  load->placeholder = placeholder ? g_object_ref (placeholder) : NULL;
  load->size = size * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  chorus_media_cache_fetch_async (self->media_cache, url, 0, self->cancellable, on_image_fetched_cb, load);
}

/* Header */

static void
update_header (ChorusPostRow *self)
{
  ChorusPost *post = self->post;
  g_autofree char *safe_name = chorus_text_safe_name (chorus_post_get_author_name (post));
  g_autofree char *handle = chorus_text_safe_name (chorus_post_get_author_handle (post));
  const char *name = safe_name;
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (chorus_post_get_created_at (post));
  g_autofree char *time_text = NULL;
  g_autofree char *full_time = NULL;
  gint64 edited_at = chorus_post_get_edited_at (post);

  if (name == NULL)
    name = handle != NULL ? handle : _("Unknown author");

  adw_avatar_set_text (self->avatar, name);
  adw_avatar_set_custom_image (self->avatar, NULL);
  load_image (self, chorus_post_get_author_avatar_url (post), GTK_WIDGET (self->avatar), NULL, AVATAR_SIZE);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->handle_label, handle);
  gtk_widget_set_visible (GTK_WIDGET (self->handle_label), handle != NULL && g_strcmp0 (handle, name) != 0);
  gtk_widget_set_visible (self->own_label, chorus_post_get_is_own (post));

  time_text = chorus_format_relative_time (g_get_real_time () / G_USEC_PER_SEC, chorus_post_get_created_at (post));
  gtk_label_set_label (self->time_label, time_text);
  /* Translators: the full date and time of a post, in a tooltip; see strftime(3). */
  full_time = created ? g_date_time_format (created, C_("post time", "%c")) : NULL;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), full_time);

  gtk_widget_set_visible (self->edited_label, edited_at > 0);
  if (edited_at > 0)
    {
      g_autoptr(GDateTime) edited = g_date_time_new_from_unix_local (edited_at);
      g_autofree char *edited_time = edited ? g_date_time_format (edited, C_("post time", "%c")) : NULL;
      /* Translators: a tooltip; %s is a date and time. */
      g_autofree char *tooltip = g_strdup_printf (_("Edited on %s"), edited_time ? edited_time : "");

      gtk_widget_set_tooltip_text (self->edited_label, tooltip);
    }
}

static void
update_indent (ChorusPostRow *self)
{
  guint indent = MIN (chorus_post_get_depth (self->post), CHORUS_POST_ROW_MAX_INDENT);
  int avatar_start = 12 + INDENT_STEP * (int) indent;
  int line_start = avatar_start - INDENT_STEP + AVATAR_SIZE / 2 - 1;

  /* A reply's row starts with a line under its parent's avatar, whose
   * middle is half an avatar in from where the parent's row starts; a
   * root's row starts at the edge, so that the brand's tint fills it. */
  gtk_widget_set_visible (self->thread_line, indent > 0);
  gtk_widget_set_margin_start (self->row_box, indent > 0 ? line_start : 0);
  gtk_widget_set_margin_end (self->thread_line, avatar_start - line_start - 2);
  gtk_widget_set_margin_start (GTK_WIDGET (self->avatar), indent > 0 ? 0 : avatar_start);

  if (self->indent != indent)
    {
      self->indent = indent;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDENT]);
    }
}

/* Text */

static void
update_text (ChorusPostRow *self)
{
  const char *markup = chorus_post_get_markup (self->post);
  const char *text = chorus_post_get_text (self->post);
  gboolean empty;

  /* The store made it safe; checked again, as it goes to Pango. */
  if (chorus_post_markup_is_safe (markup))
    {
      gtk_label_set_markup (self->text_label, markup);
      empty = *markup == '\0';
    }
  else
    {
      gtk_label_set_text (self->text_label, text);
      empty = text == NULL || *text == '\0';
    }

  gtk_widget_set_visible (GTK_WIDGET (self->text_label), !empty);
}

static gboolean
on_text_activate_link_cb (GtkLabel      *label,
                          const char    *uri,
                          ChorusPostRow *self)
{
  open_uri (self, uri);

  /* Handled either way: GtkLabel must not open what was refused. */
  return TRUE;
}

/* Media */

static void
free_media_uri (gpointer  data,
                GClosure *closure)
{
  g_free (data);
}

static void
on_media_clicked_cb (GtkButton  *button,
                     const char *uri)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), CHORUS_TYPE_POST_ROW);

  if (row != NULL)
    open_uri (CHORUS_POST_ROW (row), uri);
}

static void
add_media_tile (ChorusPostRow         *self,
                const ChorusPostMedia *media)
{
  int width = chorus_post_media_get_tile_width (media, MEDIA_HEIGHT);
  g_autoptr(GdkPaintable) shape = gdk_paintable_new_empty (width, MEDIA_HEIGHT);
  const char *target = media->url != NULL ? media->url : chorus_post_media_get_thumbnail_url (media);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *picture = gtk_picture_new_for_paintable (shape);
  GtkWidget *icon = gtk_image_new_from_icon_name (_chorus_post_row_media_icon (media->kind));

  /* Until the image arrives, an empty paintable of its shape holds its
   * place, so that the row does not change size when it does. */
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_widget_set_size_request (picture, -1, MEDIA_HEIGHT);
  gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (picture, "chorus-thumbnail");
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_widget_set_halign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_overlay_set_child (GTK_OVERLAY (overlay), picture);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), icon);

  gtk_button_set_child (GTK_BUTTON (button), overlay);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "chorus-media-tile");
  gtk_widget_set_tooltip_text (button, media->alt_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _chorus_post_row_media_name (media->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, media->alt_text ? media->alt_text : "",
                                  -1);
  gtk_widget_set_sensitive (button, target != NULL);
  /* A signal, not a row action: GTK 4.8 does not find the row's actions
   * from inside a GtkFlowBox. */
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_media_clicked_cb), g_strdup (target),
                         free_media_uri, 0);
  gtk_flow_box_append (self->media_box, button);

  load_image (self, chorus_post_media_get_thumbnail_url (media), picture, icon,
              MAX (width, MEDIA_HEIGHT));
}

/* What the previous post put in @container. */
static void
remove_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)))
    if (GTK_IS_FLOW_BOX (container))
      gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
    else
      gtk_box_remove (GTK_BOX (container), child);
}

static void
update_media (ChorusPostRow *self)
{
  GPtrArray *media = chorus_post_get_media (self->post);

  remove_children (GTK_WIDGET (self->media_box));
  for (guint i = 0; i < media->len; i++)
    add_media_tile (self, g_ptr_array_index (media, i));

  gtk_widget_set_visible (GTK_WIDGET (self->media_box), media->len > 0);
}


/* Poll */

static void
update_poll (ChorusPostRow *self)
{
  const ChorusPostPoll *poll = chorus_post_get_poll (self->post);
  g_autofree char *status = NULL;

  remove_children (GTK_WIDGET (self->poll_options_box));

  gtk_widget_set_visible (self->poll_box, poll != NULL);
  if (poll == NULL)
    return;

  for (guint i = 0; i < chorus_post_poll_get_n_options (poll); i++)
    gtk_box_append (self->poll_options_box, _chorus_post_row_build_poll_option (poll, i));

  status = chorus_post_poll_format_status (poll, g_get_real_time () / G_USEC_PER_SEC);
  gtk_label_set_label (self->poll_status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->poll_status_label), *status != '\0');
}

/* Counts */

static gboolean
update_count (GtkWidget  *box,
              GtkLabel   *label,
              const char *metric,
              gint64      count)
{
  g_autofree char *number = chorus_format_count (count);
  g_autofree char *spoken = chorus_format_metric_count (metric, count);

  gtk_label_set_label (label, number);
  gtk_widget_set_tooltip_text (box, spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_set_visible (box, count > 0);

  return count > 0;
}

static void
update_counts (ChorusPostRow *self)
{
  const char *like_icon = chorus_post_action_get_icon_name (chorus_post_get_network (self->post),
                                                           CHORUS_OUTBOX_KIND_LIKE);
  gboolean any = FALSE;

  /* The same heart or star as the Like or Favourite button beside it. */
  gtk_image_set_from_icon_name (self->likes_image, like_icon != NULL ? like_icon : "starred-symbolic");
  any |= update_count (self->replies_box, self->replies_label, "replies", chorus_post_get_reply_count (self->post));
  any |= update_count (self->reposts_box, self->reposts_label, "reposts", chorus_post_get_repost_count (self->post));
  any |= update_count (self->likes_box, self->likes_label, "likes", chorus_post_get_like_count (self->post));
  gtk_widget_set_visible (self->counts_box, any);
}

/* Like and repost */

/* Pressed and off once queued or sent: the outbox sends each once. */
static gboolean
update_action (GtkToggleButton  *button,
               ChorusPost       *post,
               ChorusOutboxKind  kind,
               gboolean          done)
{
  const char *network = chorus_post_get_network (post);
  const char *label = chorus_post_action_get_label (network, kind);
  gboolean shown = label != NULL && !chorus_post_get_is_own (post);

  gtk_widget_set_visible (GTK_WIDGET (button), shown);
  if (!shown)
    return FALSE;

  gtk_button_set_icon_name (GTK_BUTTON (button), chorus_post_action_get_icon_name (network, kind));
  gtk_toggle_button_set_active (button, done);
  gtk_widget_set_sensitive (GTK_WIDGET (button), !done);
  if (done)
    gtk_widget_add_css_class (GTK_WIDGET (button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), "accent");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), done ? chorus_post_action_get_done_label (network, kind) : label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return TRUE;
}

static void
update_actions (ChorusPostRow *self)
{
  gboolean any = FALSE;

  any |= update_action (self->like_button, self->post, CHORUS_OUTBOX_KIND_LIKE, self->liked);
  any |= update_action (self->repost_button, self->post, CHORUS_OUTBOX_KIND_REPOST, self->reposted);
  any &= !self->cannot_act;
  gtk_widget_set_visible (self->actions_box, any);
  gtk_widget_set_visible (self->footer_box, any || gtk_widget_get_visible (self->counts_box));
}

/* Pressed at once, and off until the thread view says what the outbox
 * made of it. */
static void
on_action_clicked_cb (GtkToggleButton *button,
                      ChorusPostRow   *self)
{
  if (self->post == NULL || !gtk_toggle_button_get_active (button))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  g_signal_emit (self, signals[button == self->like_button ? LIKE_REQUESTED : REPOST_REQUESTED], 0,
                 chorus_post_get_id (self->post));
}

static void
update (ChorusPostRow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->post == NULL)
    {
      remove_children (GTK_WIDGET (self->media_box));
      return;
    }

  self->cancellable = g_cancellable_new ();

  if (chorus_post_get_is_own (self->post))
    gtk_widget_add_css_class (self->row_box, "chorus-own-post");
  else
    gtk_widget_remove_css_class (self->row_box, "chorus-own-post");

  update_indent (self);
  update_header (self);
  update_text (self);
  update_media (self);
  update_poll (self);
  update_counts (self);
  update_actions (self);
}

static void
chorus_post_row_dispose (GObject *object)
{
  ChorusPostRow *self = (ChorusPostRow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_POST_ROW);
  g_clear_object (&self->post);
  g_clear_object (&self->media_cache);

  G_OBJECT_CLASS (chorus_post_row_parent_class)->dispose (object);
}

static void
chorus_post_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChorusPostRow *self = CHORUS_POST_ROW (object);

  switch (prop_id)
    {
    case PROP_POST:
      g_value_set_object (value, self->post);
      break;

    case PROP_MEDIA_CACHE:
      g_value_set_object (value, self->media_cache);
      break;

    case PROP_INDENT:
      g_value_set_uint (value, self->indent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_post_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ChorusPostRow *self = CHORUS_POST_ROW (object);

  switch (prop_id)
    {
    case PROP_POST:
      chorus_post_row_set_post (self, g_value_get_object (value));
      break;

    case PROP_MEDIA_CACHE:
      chorus_post_row_set_media_cache (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_post_row_class_init (ChorusPostRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_post_row_dispose;
  object_class->get_property = chorus_post_row_get_property;
  object_class->set_property = chorus_post_row_set_property;

  properties [PROP_POST] =
    g_param_spec_object ("post", NULL, NULL,
                         CHORUS_TYPE_POST,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MEDIA_CACHE] =
    g_param_spec_object ("media-cache", NULL, NULL,
                         CHORUS_TYPE_MEDIA_CACHE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The depth the row is indented by: the post's, up to the maximum. */
  properties [PROP_INDENT] =
    g_param_spec_uint ("indent", NULL, NULL,
                       0, CHORUS_POST_ROW_MAX_INDENT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChorusPostRow::open-uri:
   * @self: the row
   * @uri: an http, https or mailto address: a link in the text, or media
   *
   * Asks for @uri to be opened in the browser.
   */
  signals [OPEN_URI] =
    g_signal_new ("open-uri",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * ChorusPostRow::like-requested:
   * @self: the row
   * @post_id: the post shown
   *
   * Asks for the post to be liked (favourited, on Mastodon) through the
   * outbox. The button stays pressed and off until
   * chorus_post_row_set_acted() says what became of it.
   */
  signals [LIKE_REQUESTED] =
    g_signal_new ("like-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * ChorusPostRow::repost-requested:
   * @self: the row
   * @post_id: the post shown
   *
   * Asks for the post to be reposted (boosted, on Mastodon), as
   * #ChorusPostRow::like-requested does a like.
   */
  signals [REPOST_REQUESTED] =
    g_signal_new ("repost-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/chorus-post-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, row_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, thread_line);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, own_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, edited_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, handle_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, media_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, poll_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, poll_options_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, poll_status_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, footer_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, counts_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, replies_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, replies_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, reposts_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, reposts_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, likes_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, likes_image);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, likes_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, actions_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, like_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusPostRow, repost_button);
  gtk_widget_class_bind_template_callback (widget_class, on_text_activate_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_action_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chorus_post_row_init (ChorusPostRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
chorus_post_row_new (void)
{
  return g_object_new (CHORUS_TYPE_POST_ROW, NULL);
}

/**
 * chorus_post_row_get_post:
 *
 * Returns: (transfer none) (nullable): the post shown
 */
ChorusPost *
chorus_post_row_get_post (ChorusPostRow *self)
{
  g_return_val_if_fail (CHORUS_IS_POST_ROW (self), NULL);

  return self->post;
}

void
chorus_post_row_set_post (ChorusPostRow *self,
                          ChorusPost    *post)
{
  g_return_if_fail (CHORUS_IS_POST_ROW (self));
  g_return_if_fail (!post || CHORUS_IS_POST (post));

  if (!g_set_object (&self->post, post))
    return;

  /* A recycled row: its thread view says what this post had. */
  self->liked = FALSE;
  self->reposted = FALSE;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POST]);
}

/**
 * chorus_post_row_get_media_cache:
 *
 * Returns: (transfer none) (nullable): where avatars and thumbnails come from
 */
ChorusMediaCache *
chorus_post_row_get_media_cache (ChorusPostRow *self)
{
  g_return_val_if_fail (CHORUS_IS_POST_ROW (self), NULL);

  return self->media_cache;
}

/**
 * chorus_post_row_set_media_cache:
 * @self: a #ChorusPostRow
 * @media_cache: (nullable): where avatars and thumbnails come from; without
 *   one, they show as initials and placeholders
 */
void
chorus_post_row_set_media_cache (ChorusPostRow    *self,
                                 ChorusMediaCache *media_cache)
{
  g_return_if_fail (CHORUS_IS_POST_ROW (self));
  g_return_if_fail (!media_cache || CHORUS_IS_MEDIA_CACHE (media_cache));

  if (!g_set_object (&self->media_cache, media_cache))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA_CACHE]);
}

guint
chorus_post_row_get_indent (ChorusPostRow *self)
{
  g_return_val_if_fail (CHORUS_IS_POST_ROW (self), 0);

  return self->indent;
}

/**
 * chorus_post_row_set_acted:
 * @self: a #ChorusPostRow
 * @can_act: whether the post's source can like and repost at all (a
 *   sample source cannot)
 * @liked: whether the outbox holds a like of the post, queued or sent
 * @reposted: the same for a repost
 *
 * Presses the buttons of what was done already, and releases a button
 * whose request the outbox did not take.
 */
void
chorus_post_row_set_acted (ChorusPostRow *self,
                           gboolean       can_act,
                           gboolean       liked,
                           gboolean       reposted)
{
  g_return_if_fail (CHORUS_IS_POST_ROW (self));

  self->cannot_act = !can_act;
  self->liked = liked;
  self->reposted = reposted;
  if (self->post != NULL)
    update_actions (self);
}
