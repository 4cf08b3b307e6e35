/** The frame of every page: skip link, header with the main navigation, and the page itself. */
import { NavLink, Outlet } from "react-router";

const LINKS = [
  { to: "/tasks", label: "Tasks", end: true },
  { to: "/tasks/new", label: "New task", end: true },
  { to: "/agents", label: "Agents", end: false },
  { to: "/sessions", label: "Sessions", end: false },
];

export function Layout() {
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
        <a className="docs-link" href="/docs" target="_blank" rel="noreferrer">
          API docs
        </a>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
