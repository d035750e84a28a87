// Small fictional articles for the matcher's tests. Every name, place and number is invented.
import { normaliseArticle } from '../article';
import type { Article } from '../types';

const art = (id: string, title: string, published: string | null, source: string, text: string): Article =>
  normaliseArticle({ id, title, text, source, url: `https://${source}/news/${id}`, published });

export const shootingA1 = art(
  'a1', 'Two wounded in Dunmore Avenue shooting', '2024-03-02', 'riverton-herald.example',
  `Two men were wounded early Saturday when gunfire broke out outside the Copper Kettle bar on Dunmore Avenue in Riverton, police said.
Officers found Marcus Delavane, 27, and Theo Quimbly, 31, with gunshot wounds shortly after 1:40 a.m. Both were taken to St. Agnes Medical Center.
Riverton Police Lieutenant Carla Oyelaran said the shooter fled in a grey pickup truck. Investigators recovered nine shell casings.
Anyone with information is asked to call the Riverton Police Department.`,
);

/** The same shooting, other outlet, other wording, a day later. */
export const shootingA2 = art(
  'a2', 'Police seek gunman after Copper Kettle shooting', '2024-03-03', 'channel9.example',
  `Riverton detectives are searching for a gunman who opened fire outside the Copper Kettle on Dunmore Avenue, injuring two patrons.
Marcus Delavane and Theo Quimbly were hospitalised at St. Agnes Medical Center; Delavane is in serious condition, according to Lt. Carla Oyelaran.
Witnesses described a grey pickup leaving the scene. Police collected nine casings from the parking lot.`,
);

/** Follow-up: the arrest, two weeks later. */
export const shootingA3 = art(
  'a3', 'Arrest made in Copper Kettle bar shooting', '2024-03-16', 'riverton-herald.example',
  `Riverton police on Friday arrested Dwayne Ostrander, 35, in connection with the shooting outside the Copper Kettle bar on Dunmore Avenue that wounded Marcus Delavane and Theo Quimbly.
Lieutenant Carla Oyelaran said Ostrander was stopped driving a grey pickup truck. He faces two counts of aggravated assault.`,
);

/** A different shooting in the same city, a month later. */
export const shootingB = art(
  'b1', 'Teen killed in Riverton shooting', '2024-04-05', 'riverton-herald.example',
  `A 16-year-old boy was shot and killed Thursday evening near Halvorsen Park in Riverton, police said.
The victim, identified as Jaylen Pettigrew, was found on Willow Creek Road around 8 p.m. and died at St. Agnes Medical Center.
Riverton Police Lieutenant Carla Oyelaran said no arrests have been made. Anyone with information is asked to call the Riverton Police Department.`,
);

/** Unrelated story. */
export const council = art(
  'c1', 'Riverton council approves library budget', '2024-03-02', 'riverton-herald.example',
  `The Riverton city council voted 5-2 on Tuesday to approve a $4.2 million budget for the new Eastgate library branch.
Councilwoman Priya Ramaswell said construction would begin in the autumn. Opponents argued the money should go to road repairs.`,
);

/** A wire copy of A1 under another outlet, with a dateline added. */
export const shootingA1Copy = art(
  'a1-copy', 'Two wounded in Dunmore Avenue shooting', '2024-03-02', 'statewire.example',
  `RIVERTON (StateWire) — ${shootingA1.text}`,
);

export const corpus = [shootingA1, shootingA2, shootingA3, shootingB, council, shootingA1Copy];
