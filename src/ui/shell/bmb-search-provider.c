/* bmb-search-provider.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typing a contact's, relationship's or session's name in the Activities overview finds it
 * (bmb_search_run(), bounded) and activating a result opens it on its page. The
 * application holds itself while a call is handled, so a D-Bus-activated instance does not
 * quit under the shell.
 */

#define G_LOG_DOMAIN "bmb-search-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "bmb-application.h"
#include "bmb-limits.h"
#include "bmb-search.h"
#include "bmb-search-provider.h"
#include "bmb-window.h"

struct _BmbSearchProvider
{
  GObject          parent_instance;

  BmbApplication  *application;   /* not owned: it owns us */
  GDBusConnection *connection;
  guint            registration_id;
};

G_DEFINE_FINAL_TYPE (BmbSearchProvider, bmb_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static const char * const icon_names[] = {
  [BMB_SEARCH_HIT_CONTACT] = "avatar-default-symbolic",
  [BMB_SEARCH_HIT_RELATIONSHIP] = "system-users-symbolic",
  [BMB_SEARCH_HIT_SESSION] = "x-office-calendar-symbolic",
};

static BmbContext *
ensure_context (BmbSearchProvider  *self,
                GError            **error)
{
  if (!bmb_application_ensure_database (self->application, error))
    return NULL;

  return bmb_application_get_context (self->application);
}

static GVariant *
search (BmbSearchProvider  *self,
        const char        **terms,
        GError            **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  GVariantBuilder builder;
  BmbContext *context;

  if ((context = ensure_context (self, error)) == NULL ||
      (hits = bmb_search_run (context, terms, error)) == NULL)
    return NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < hits->len; i++)
    g_variant_builder_add (&builder, "s", ((BmbSearchHit *)g_ptr_array_index (hits, i))->key);

  return g_variant_new ("(as)", &builder);
}

static GVariant *
result_metas (BmbSearchProvider  *self,
              const char        **keys,
              GError            **error)
{
  GVariantBuilder builder;
  BmbContext *context;

  if ((context = ensure_context (self, error)) == NULL)
    return NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; keys[i] != NULL && i < BMB_LIMIT_SEARCH_IDS; i++)
    {
      g_autoptr(BmbSearchHit) hit = NULL;
      g_autoptr(GIcon) icon = NULL;
      g_autoptr(GError) local_error = NULL;

      hit = bmb_search_lookup (context, keys[i], &local_error);
      if (hit == NULL)
        {
          if (local_error != NULL)
            g_debug ("No result for %s: %s", keys[i], local_error->message);
          continue;
        }

      icon = g_themed_icon_new (icon_names[hit->kind]);
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (hit->key));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (hit->name));
      g_variant_builder_add (&builder, "{sv}", "description",
                             g_variant_new_string (hit->description));
      g_variant_builder_add (&builder, "{sv}", "icon", g_icon_serialize (icon));
      g_variant_builder_close (&builder);
    }

  return g_variant_new ("(aa{sv})", &builder);
}

static void
activate_result (BmbSearchProvider *self,
                 const char        *key)
{
  GtkWindow *window;
  BmbSearchHitKind kind;
  gint64 id;

  window = bmb_application_present_main_window (self->application);
  if (window == NULL || !bmb_search_parse_key (key, &kind, &id))
    return;

  switch (kind)
    {
    case BMB_SEARCH_HIT_CONTACT:
      bmb_window_show_item (BMB_WINDOW (window), BMB_REMINDER_KIND_FOLLOW_UP, id, NULL);
      break;

    case BMB_SEARCH_HIT_SESSION:
      bmb_window_show_item (BMB_WINDOW (window), BMB_REMINDER_KIND_SESSION, id, NULL);
      break;

    case BMB_SEARCH_HIT_RELATIONSHIP:
    default:
      bmb_window_show_relationship (BMB_WINDOW (window), id);
      break;
    }
}

static void
handle_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  BmbSearchProvider *self = user_data;
  g_autoptr(GError) error = NULL;
  GVariant *reply = NULL;

  g_application_hold (G_APPLICATION (self->application));

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      reply = search (self, terms, &error);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;

      /* The shell narrows as you type; a new search costs little and stays bounded. */
      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      reply = search (self, terms, &error);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **keys = NULL;

      g_variant_get (parameters, "(^a&s)", &keys);
      reply = result_metas (self, keys, &error);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *key;

      g_variant_get (parameters, "(&s^a&su)", &key, NULL, NULL);
      activate_result (self, key);
      reply = g_variant_new ("()");
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      bmb_application_present_main_window (self->application);
      reply = g_variant_new ("()");
    }

  if (reply != NULL)
    g_dbus_method_invocation_return_value (invocation, reply);
  else if (error != NULL)
    g_dbus_method_invocation_return_gerror (invocation, error);
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);

  g_application_release (G_APPLICATION (self->application));
}

static const GDBusInterfaceVTable vtable = { handle_method_call, NULL, NULL, { 0 } };

static void
bmb_search_provider_dispose (GObject *object)
{
  BmbSearchProvider *self = (BmbSearchProvider *)object;

  bmb_search_provider_unexport (self);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (bmb_search_provider_parent_class)->dispose (object);
}

static void
bmb_search_provider_class_init (BmbSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bmb_search_provider_dispose;
}

static void
bmb_search_provider_init (BmbSearchProvider *self)
{
}

BmbSearchProvider *
bmb_search_provider_new (BmbApplication   *application,
                         GDBusConnection  *connection,
                         const char       *object_path,
                         GError          **error)
{
  static GDBusNodeInfo *info;
  g_autoptr(BmbSearchProvider) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BMB_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), NULL);

  /* Registered from the main thread only */
  if (info == NULL)
    info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);

  self = g_object_new (BMB_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  self->connection = g_object_ref (connection);
  path = g_strconcat (object_path, "/SearchProvider", NULL);
  self->registration_id = g_dbus_connection_register_object (connection, path,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return NULL;

  return g_steal_pointer (&self);
}

void
bmb_search_provider_unexport (BmbSearchProvider *self)
{
  g_return_if_fail (BMB_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0 && self->connection != NULL)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
}
