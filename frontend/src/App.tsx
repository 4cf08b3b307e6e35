/** Routes of the dashboard. Hash URLs (#/tasks/…) work behind any static file server. */
import { createHashRouter, Link, Navigate, RouterProvider, useRouteError } from "react-router";

import { Layout } from "./components/Layout";
import { AgentsPage } from "./pages/AgentsPage";
import { DocumentsPage } from "./pages/DocumentsPage";
import { NewTaskPage } from "./pages/NewTaskPage";
import { SessionPage } from "./pages/SessionPage";
import { SessionsPage } from "./pages/SessionsPage";
import { TaskPage } from "./pages/TaskPage";
import { TasksPage } from "./pages/TasksPage";
import { Empty, ErrorState } from "./components/States";

function RouteError() {
  const error = useRouteError();
  return <ErrorState error={error instanceof Error ? error : new Error("This page failed to load.")} />;
}

function NotFound() {
  return (
    <Empty title="There is no such page.">
      <p>
        <Link to="/tasks">Go to the tasks</Link>
      </p>
    </Empty>
  );
}

export const routes = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/tasks" replace /> },
      { path: "tasks", element: <TasksPage /> },
      { path: "tasks/new", element: <NewTaskPage /> },
      { path: "tasks/:taskId", element: <TaskPage /> },
      { path: "agents", element: <AgentsPage /> },
      { path: "sessions", element: <SessionsPage /> },
      { path: "sessions/:sessionId", element: <SessionPage /> },
      { path: "documents", element: <DocumentsPage /> },
      // Workflow pages load on first visit: the editor's YAML parser and the diff stay out of the main bundle.
      { path: "workflows", lazy: () => import("./pages/WorkflowsPage").then((m) => ({ Component: m.WorkflowsPage })) },
      { path: "workflows/new", lazy: () => import("./pages/WorkflowEditPage").then((m) => ({ Component: m.WorkflowEditPage })) },
      { path: "workflows/:workflowId", lazy: () => import("./pages/WorkflowPage").then((m) => ({ Component: m.WorkflowPage })) },
      { path: "workflows/:workflowId/edit", lazy: () => import("./pages/WorkflowEditPage").then((m) => ({ Component: m.WorkflowEditPage })) },
      { path: "workflows/:workflowId/run", lazy: () => import("./pages/WorkflowRunPage").then((m) => ({ Component: m.WorkflowRunPage })) },
      { path: "*", element: <NotFound /> },
    ],
  },
];

const router = createHashRouter(routes);

export function App() {
  return <RouterProvider router={router} />;
}
