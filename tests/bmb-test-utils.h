/* bmb-test-utils.h
 *
 * Copyright 2026 The Bimbing developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bmb-application.h"
#include "bmb-database.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed (with its contents) at exit. */
char        *bmb_test_make_tmpdir        (void);
/* @name inside a new temporary folder (removed at exit with the others). */
char        *bmb_test_tmp_path           (const char *name);
/* A new migrated database in a temporary file. */
BmbDatabase *bmb_test_open_tmp_database  (char       **out_path);
/* A database file whose header and schema read fine but whose last pages (the data) are
 * scribbled over: only a structural check finds the damage. Returns its path. */
char        *bmb_test_make_damaged_database (void);
/* Runs @sql on a raw SQLite handle (a database written as an older version would have),
 * failing the test on an error. */
void         bmb_test_raw_exec           (sqlite3     *db,
                                          const char  *sql);
/* Path of a file under tests/data (G_TEST_SRCDIR). */
char        *bmb_test_data_path          (const char  *name);
/* Runs the main context until @condition returns TRUE or @timeout_ms passes. */
gboolean     bmb_test_wait_for           (gboolean   (*condition) (gpointer),
                                          gpointer     data,
                                          guint        timeout_ms);
/* Spins the default main context for @ms milliseconds. */
void         bmb_test_spin               (guint        ms);

/* UI tests (need $DISPLAY; build-aux/check runs them under Xvfb). */

/* A registered, non-unique application on @db_path with its own D-Bus id. */
BmbApplication *bmb_test_app_new          (const char  *db_path);
/* Destroys every window of @app and drops it. */
void            bmb_test_app_free         (BmbApplication *app);
/* Gives @window the keyboard focus through the X server. */
void            bmb_test_focus_window     (GtkWindow   *window);
/* Presses keys through the X server (xdotool, XTEST), e.g. "ctrl+n". */
void            bmb_test_press_keys       (const char  *keys);
/* Types text through the X server into the focused widget. */
void            bmb_test_type_text        (const char  *text);
/* The first descendant of @root of @type (and with @css_class, if given). */
GtkWidget      *bmb_test_find_widget      (GtkWidget   *root,
                                           GType        type,
                                           const char  *css_class);
/* The first descendant of @root (or @root) whose widget name is @name. */
GtkWidget      *bmb_test_find_named       (GtkWidget   *root,
                                           const char  *name);
/* A shown toplevel window of @type (and with @css_class, if given). */
GtkWindow      *bmb_test_find_toplevel    (GType        type);
GtkWindow      *bmb_test_find_toplevel_with_class (GType        type,
                                                   const char  *css_class);
/* TRUE when UI tests can run here. */
gboolean        bmb_test_have_display     (void);

G_END_DECLS
