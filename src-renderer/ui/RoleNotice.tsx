import './role-notice.css';

/** What a role may not do here, said where the controls would be: "Replay needs the operator role; you are a viewer." */
export function RoleNotice({ children }: { children: string }) {
  return (
    <p className="role-notice" role="note">
      {children}
    </p>
  );
}
