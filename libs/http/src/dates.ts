/** Appwrite's datetime format (`Y-m-d\TH:i:s.vP`, UTC): `2020-10-15T06:38:00.000+00:00`; unset is `""`. */
export function formatDateTime(value: Date | null | undefined): string {
  if (!value) return '';
  return value.toISOString().replace('Z', '+00:00');
}
