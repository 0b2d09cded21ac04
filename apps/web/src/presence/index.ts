export { PresencePanel } from './PresencePanel.tsx';
export type { Participant } from './participants.ts';
export { participantsFrom } from './participants.ts';
export { usePresence } from './usePresence.ts';
