/**
 * What the setting in the form would do at today's pace (ux.md §1 Auto-recharge 2). It follows the
 * form as the user types, before anything is saved.
 */
import type { Projection, RechargeSettings } from '../../../shared/dashboard/recharge-projection';
import { useApp, useMessages } from '../../app-context';
import { Card } from '../../components/Card';
import { NoDataYet } from '../../components/NoDataYet';
import { autoRechargeMessages } from '../../i18n/messages/auto-recharge';
import { ProjectionChart } from './ProjectionChart';
import { projectionFacts } from './projection-facts';

export function ProjectionSection({
  projection,
  settings,
}: {
  projection: Projection | null;
  /** The form's setting; null: off. */
  settings: RechargeSettings | null | 'incomplete';
}) {
  const { state, language } = useApp();
  const m = useMessages(autoRechargeMessages).projection;
  return (
    <Card title={m.title} className="recharge-projection">
      {state.account === null ? (
        <NoDataYet />
      ) : settings === 'incomplete' ? (
        <p>{m.unreadable}</p>
      ) : projection === null ? (
        <p>{m.noPace}</p>
      ) : (
        <>
          <ul className="projection-facts">
            {projectionFacts(projection, settings, { now: state.now, language, m }).map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
          <ProjectionChart
            projection={projection}
            threshold={settings?.enabled ? settings.threshold : null}
          />
        </>
      )}
    </Card>
  );
}
