/** What a 403 from the agent endpoints means: the key in use is a `user` key, agents need an admin. */
import { changeKey } from "../api/auth";

export function NeedsAdmin({ action, id }: { action: string; id?: string }) {
  return (
    <div className="error-box needs-admin" role="alert" id={id}>
      <p>
        <strong>Needs an admin key.</strong> Your API key may not {action}: only admin keys register and remove agents.
      </p>
      <button type="button" onClick={changeKey}>
        Use an admin key
      </button>
    </div>
  );
}
