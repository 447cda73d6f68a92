/* test-search-provider.c
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GNOME Shell's search provider, called as the shell calls it: over the session bus
 * (the suite runs under dbus-run-session), with real data, then ActivateResult opens the
 * item in the window.
 */

#include "config.h"

#include <adwaita.h>

#include "bmb-application.h"
#include "bmb-contacts-page.h"
#include "bmb-limits.h"
#include "bmb-relationships-page.h"
#include "bmb-test-utils.h"
#include "bmb-window.h"

typedef struct
{
  BmbApplication *app;
  char           *db_path;
  BmbContext     *context;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *dir = bmb_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;

  f->db_path = g_build_filename (dir, "bimbing.db", NULL);
  f->app = bmb_test_app_new (f->db_path);
  g_assert_true (bmb_application_ensure_database (f->app, &error));
  g_assert_no_error (error);
  f->context = bmb_application_get_context (f->app);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->app, bmb_test_app_free);
  g_clear_pointer (&f->db_path, g_free);
}

static gint64
add_contact (Fixture    *f,
             const char *given,
             const char *family,
             const char *organization)
{
  g_autoptr(BmbContact) contact = bmb_contact_new ();
  g_autoptr(GError) error = NULL;

  bmb_contact_set_given_name (contact, given);
  bmb_contact_set_family_name (contact, family);
  bmb_contact_set_organization (contact, organization);
  g_assert_true (bmb_contact_store_insert (bmb_context_get_contact_store (f->context), contact, &error));
  g_assert_no_error (error);

  return bmb_contact_get_id (contact);
}

static gint64
add_relationship (Fixture    *f,
                  const char *title,
                  gint64      mentee_id)
{
  g_autoptr(BmbRelationship) relationship = bmb_relationship_new ();
  g_autoptr(GError) error = NULL;

  bmb_relationship_set_title (relationship, title);
  bmb_relationship_set_mentee_id (relationship, mentee_id);
  bmb_relationship_set_started_on (relationship, "2026-01-05");
  g_assert_true (bmb_mentoring_store_save_relationship (bmb_context_get_mentoring_store (f->context),
                                                        relationship, &error));
  g_assert_no_error (error);

  return bmb_relationship_get_id (relationship);
}

static gint64
add_session (Fixture    *f,
             const char *title,
             const char *location)
{
  g_autoptr(BmbSession) session = bmb_session_new ();
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 12, 14, 10, 0, 0);
  g_autoptr(GError) error = NULL;

  bmb_session_set_title (session, title);
  bmb_session_set_location (session, location);
  bmb_session_set_start (session, start, "Asia/Jakarta");
  bmb_session_set_duration_min (session, 60);
  g_assert_true (bmb_mentoring_store_save_session (bmb_context_get_mentoring_store (f->context),
                                                   session, &error));
  g_assert_no_error (error);

  return bmb_session_get_id (session);
}

typedef struct
{
  GVariant *reply;
  GError   *error;
  gboolean  done;
} Call;

static void
on_call_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  Call *call = data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &call->error);
  call->done = TRUE;
}

static gboolean
call_done (gpointer data)
{
  return ((Call *)data)->done;
}

/* Calls the provider over the bus, as GNOME Shell does, and returns the reply. */
static GVariant *
call_provider (Fixture    *f,
               const char *method,
               GVariant   *parameters,
               const char *reply_type)
{
  GApplication *app = G_APPLICATION (f->app);
  g_autofree char *path = g_strconcat (g_application_get_dbus_object_path (app), "/SearchProvider", NULL);
  Call call = { NULL, NULL, FALSE };

  GDBusConnection *connection = g_application_get_dbus_connection (app);

  /* Test instances are NON_UNIQUE (no well-known name): call the unique name. */
  g_dbus_connection_call (connection, g_dbus_connection_get_unique_name (connection), path,
                          "org.gnome.Shell.SearchProvider2", method, parameters,
                          G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          on_call_done_cb, &call);
  g_assert_true (bmb_test_wait_for (call_done, &call, 10000));
  g_assert_no_error (call.error);

  return call.reply;
}

static char *
search (Fixture    *f,
        const char *text)
{
  g_auto(GStrv) terms = g_strsplit (text, " ", -1);
  g_autoptr(GVariant) reply = call_provider (f, "GetInitialResultSet",
                                             g_variant_new ("(^as)", terms), "(as)");
  g_autofree const char **ids = NULL;

  g_variant_get (reply, "(^a&s)", &ids);

  return g_strjoinv (" ", (char **)ids);
}

static void
test_results_and_metas (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *ayu_key = NULL, *rel_key = NULL, *session_key = NULL, *found = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;
  gint64 ayu, budi, rel, session;

  ayu = add_contact (f, "Ayu", "Lestari", "Gojek");
  budi = add_contact (f, "Budi", "Santoso", "Telkom");
  rel = add_relationship (f, "Reverse mentoring with Budi", budi);
  session = add_session (f, "Portfolio review", "Kafe Tjikini");
  ayu_key = g_strdup_printf ("contact:%" G_GINT64_FORMAT, ayu);
  rel_key = g_strdup_printf ("relationship:%" G_GINT64_FORMAT, rel);
  session_key = g_strdup_printf ("session:%" G_GINT64_FORMAT, session);

  /* A contact by a prefix of her family name, and nothing else */
  found = search (f, "lest");
  g_assert_cmpstr (found, ==, ayu_key);
  g_clear_pointer (&found, g_free);

  /* Budi: his relationship first, then him */
  found = search (f, "budi");
  g_assert_true (g_str_has_prefix (found, rel_key));
  g_assert_nonnull (strstr (found, "contact:"));
  g_clear_pointer (&found, g_free);

  /* Every word must match: the session by title, not the others */
  found = search (f, "portfolio rev");
  g_assert_cmpstr (found, ==, session_key);
  g_clear_pointer (&found, g_free);

  /* Narrowing as the user types */
  reply = call_provider (f, "GetSubsearchResultSet",
                         g_variant_new ("(^as^as)", (const char *[]) { "portfolio", NULL },
                                        (const char *[]) { "portfolio", "zzz", NULL }),
                         "(as)");
  {
    g_autoptr(GVariant) narrowed = g_variant_get_child_value (reply, 0);

    g_assert_cmpuint (g_variant_n_children (narrowed), ==, 0);
  }

  /* What the overview shows for each result; an unknown id is left out. */
  metas = call_provider (f, "GetResultMetas",
                         g_variant_new ("(^as)", (const char *[]) { ayu_key, "contact:999999",
                                                                     session_key, "nonsense", NULL }),
                         "(aa{sv})");
  {
    g_autoptr(GVariant) list = g_variant_get_child_value (metas, 0);
    g_autoptr(GVariant) first = NULL, second = NULL;
    const char *name = NULL, *description = NULL, *id = NULL;

    g_assert_cmpuint (g_variant_n_children (list), ==, 2);
    first = g_variant_get_child_value (list, 0);
    g_assert_true (g_variant_lookup (first, "id", "&s", &id));
    g_assert_cmpstr (id, ==, ayu_key);
    g_assert_true (g_variant_lookup (first, "name", "&s", &name));
    g_assert_cmpstr (name, ==, "Ayu Lestari");
    g_assert_true (g_variant_lookup (first, "description", "&s", &description));
    g_assert_cmpstr (description, ==, "Gojek");
    g_assert_nonnull (g_variant_lookup_value (first, "icon", NULL));
    second = g_variant_get_child_value (list, 1);
    g_assert_true (g_variant_lookup (second, "name", "&s", &name));
    g_assert_cmpstr (name, ==, "Portfolio review");
    g_assert_true (g_variant_lookup (second, "description", "&s", &description));
    g_assert_cmpstr (description, ==, "Session at Kafe Tjikini");
  }
}

/* Results stay bounded however many match. */
static void
test_bounded (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *found = NULL;
  g_auto(GStrv) keys = NULL;

  for (guint i = 0; i < BMB_LIMIT_SEARCH_HITS + 4; i++)
    {
      g_autofree char *family = g_strdup_printf ("Wijaya%u", i);

      add_contact (f, "Rina", family, NULL);
    }

  found = search (f, "rina");
  keys = g_strsplit (found, " ", -1);
  g_assert_cmpuint (g_strv_length (keys), ==, BMB_LIMIT_SEARCH_HITS);
}

typedef struct
{
  BmbApplication *app;
  const char     *page;
} PageWait;

static gboolean
window_shows (gpointer data)
{
  PageWait *w = data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (w->app));

  return windows != NULL && BMB_IS_WINDOW (windows->data) &&
         gtk_widget_get_mapped (windows->data) &&
         g_strcmp0 (bmb_window_get_page (windows->data), w->page) == 0;
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *key = NULL;
  PageWait w = { f->app, "relationships" };
  BmbWindow *window;
  gint64 siti, rel, ayu;

  siti = add_contact (f, "Siti", "Rahayu", "Universitas Indonesia");
  add_relationship (f, "Mentoring with Siti", siti);
  rel = add_relationship (f, "Reverse mentoring with Dewi", add_contact (f, "Dewi", "Anggraini", NULL));
  ayu = add_contact (f, "Ayu", "Lestari", "Gojek");

  /* No window yet: activating a result opens one on the right page, the item shown. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (f->app)));
  key = g_strdup_printf ("relationship:%" G_GINT64_FORMAT, rel);
  reply = call_provider (f, "ActivateResult",
                         g_variant_new ("(s^asu)", key, (const char *[]) { "dewi", NULL }, 0),
                         "()");
  g_assert_true (bmb_test_wait_for (window_shows, &w, 5000));
  window = gtk_application_get_windows (GTK_APPLICATION (f->app))->data;
  g_assert_cmpint (bmb_relationships_page_get_selected_id (BMB_RELATIONSHIPS_PAGE (
                     bmb_window_get_page_widget (window, "relationships"))), ==, rel);

  g_clear_pointer (&key, g_free);
  g_clear_pointer (&reply, g_variant_unref);
  key = g_strdup_printf ("contact:%" G_GINT64_FORMAT, ayu);
  reply = call_provider (f, "ActivateResult",
                         g_variant_new ("(s^asu)", key, (const char *[]) { "ayu", NULL }, 0),
                         "()");
  w.page = "contacts";
  g_assert_true (bmb_test_wait_for (window_shows, &w, 5000));
  g_assert_cmpint (bmb_contacts_page_get_shown_contact (BMB_CONTACTS_PAGE (
                     bmb_window_get_page_widget (window, "contacts"))), ==, ayu);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Jakarta", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: the UI tests need Xvfb (build-aux/check starts one)\n");
      return 0;
    }

  adw_init ();

  g_test_add ("/search-provider/results-and-metas", Fixture, NULL,
              fixture_setup, test_results_and_metas, fixture_teardown);
  g_test_add ("/search-provider/bounded", Fixture, NULL,
              fixture_setup, test_bounded, fixture_teardown);
  g_test_add ("/search-provider/activate", Fixture, NULL,
              fixture_setup, test_activate, fixture_teardown);

  return g_test_run ();
}
