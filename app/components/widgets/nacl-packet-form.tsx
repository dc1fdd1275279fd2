/**
 * The NACL playground's packet: protocol, destination port and remote address, each with the
 * core's complaint beside it, and the Evaluate button.
 */
import type { FormEvent } from 'react';
import { oneOf, PACKET_PROTOCOLS, takesPorts, type PacketCheck, type PacketForm, type PacketProtocol } from './nacl-form';
import { describedBy, FieldError } from './widget-parts';

const PACKET_LABELS: Record<PacketProtocol, string> = { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP' };

export interface PacketFormProps {
  idPrefix: string;
  form: PacketForm;
  check: PacketCheck;
  onChange: (form: PacketForm) => void;
  onEvaluate: () => void;
}

export function PacketFields({ idPrefix, form, check, onChange, onEvaluate }: PacketFormProps) {
  const ids = {
    protocol: `${idPrefix}-protocol`,
    port: `${idPrefix}-port`,
    portHint: `${idPrefix}-port-hint`,
    portError: `${idPrefix}-port-error`,
    address: `${idPrefix}-address`,
    addressHint: `${idPrefix}-address-hint`,
    addressError: `${idPrefix}-address-error`,
  };
  const hasPort = takesPorts(form.protocol);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onEvaluate();
  }
  return (
    <form className="nacl-packet" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Packet</legend>
        <div className="widget-field">
          <label htmlFor={ids.protocol}>Protocol</label>
          <select
            id={ids.protocol}
            value={form.protocol}
            onChange={(e) => onChange({ ...form, protocol: oneOf(e.target.value, PACKET_PROTOCOLS, form.protocol) })}
          >
            {PACKET_PROTOCOLS.map((p) => (
              <option key={p} value={p}>
                {PACKET_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="widget-field">
          <label htmlFor={ids.port}>Port</label>
          <input
            id={ids.port}
            inputMode="numeric"
            autoComplete="off"
            value={hasPort ? form.port : ''}
            placeholder={hasPort ? undefined : 'none'}
            disabled={!hasPort}
            onChange={(e) => onChange({ ...form, port: e.target.value })}
            aria-invalid={check.portError !== null}
            aria-describedby={describedBy(ids.portHint, check.portError !== null && ids.portError)}
          />
          <p id={ids.portHint} className="hint">
            {hasPort ? 'The destination port.' : 'ICMP has no ports.'}
          </p>
          <FieldError id={ids.portError} message={check.portError} />
        </div>
        <div className="widget-field">
          <label htmlFor={ids.address}>Remote address</label>
          <input
            id={ids.address}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={form.address}
            onChange={(e) => onChange({ ...form, address: e.target.value })}
            aria-invalid={check.addressError !== null}
            aria-describedby={describedBy(ids.addressHint, check.addressError !== null && ids.addressError)}
          />
          <p id={ids.addressHint} className="hint">
            The source of inbound traffic, or the destination of outbound traffic.
          </p>
          <FieldError id={ids.addressError} message={check.addressError} />
        </div>
        <button type="submit">Evaluate</button>
      </fieldset>
    </form>
  );
}
