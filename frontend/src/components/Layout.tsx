/**
 * The frame of every page: skip link, header with the main navigation (and the API key
 * controls when a key is in use), and the page itself, or the key prompt when the API wants a key.
 */
import { Fragment } from "react";
import { NavLink, Outlet } from "react-router";

import { changeKey, signOut, useAuth } from "../api/auth";
import { KeyPrompt } from "./KeyPrompt";

const LINKS = [
  { to: "/tasks", label: "Tasks", end: true },
  { to: "/tasks/new", label: "New task", end: true },
  { to: "/workflows", label: "Workflows", end: false },
  { to: "/agents", label: "Agents", end: false },
  { to: "/sessions", label: "Sessions", end: false },
  { to: "/documents", label: "Documents", end: false },
];

export function Layout() {
  const auth = useAuth();
  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById("main")?.focus();
      }}>
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/tasks" className="brand" aria-label="Orchestra, tasks">
          <span className="brand-mark" aria-hidden="true" />
          Orchestra
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {LINKS.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-end">
          {auth.key ? (
            <div className="auth-controls" role="group" aria-label="API key">
              <button type="button" onClick={changeKey} title={`Signed in with key ${auth.key.slice(0, 8)}…`}>
                Change key
              </button>
              <button type="button" onClick={signOut}>
                Sign out
              </button>
            </div>
          ) : null}
          <a className="docs-link" href="/docs" target="_blank" rel="noreferrer">
            API docs
          </a>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {auth.prompt ? (
          <KeyPrompt key={auth.prompt.reason} auth={auth} />
        ) : (
          // A new key (or none) loads the page again.
          <Fragment key={auth.generation}>
            <Outlet />
          </Fragment>
        )}
      </main>
    </>
  );
}
