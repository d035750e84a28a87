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



/** Unrelated local news: the background a personal corpus always has, so that rarity means something. */
export const background = [
  art('n1', 'Storm knocks out power to 3,000 homes', '2024-03-05', 'channel9.example',
    `High winds toppled trees across Riverton and Millbrook overnight, leaving about 3,000 customers without power.
Crews from Eastvale Electric expected to restore service by Wednesday evening. No injuries were reported.`),
  art('n2', 'Millbrook Tigers win regional final', '2024-03-09', 'riverton-herald.example',
    `The Millbrook Tigers beat the Ashford Comets 64-58 to win the regional basketball final on Saturday.
Guard Tessa Wunderlich scored 22 points. The Tigers play in the state semifinal next week.`),
  art('n3', 'Man wounded in Ashford shooting', '2024-02-11', 'statewire.example',
    `A 44-year-old man was shot in the leg Sunday afternoon outside a convenience store on Grove Street in Ashford, police said.
Ashford Police Sergeant Neil Bramwell said the victim was treated at Ashford General Hospital and released. No arrests have been made.`),
  art('n4', 'School board delays vote on new calendar', '2024-03-12', 'riverton-herald.example',
    `The Riverton school board postponed a vote on next year's calendar after parents asked for a longer winter break.
Superintendent Dana Kowalczyk said a revised proposal would be presented in April.`),
  art('n5', 'Bridge repairs to close Route 9 lanes', '2024-03-01', 'channel9.example',
    `Two lanes of Route 9 over the Saddle River will close for six weeks starting Monday for bridge repairs, the state transportation department said.
Drivers are advised to use the Kessler Road detour.`),
  art('n6', 'Police investigate break-ins at storage units', '2024-03-20', 'riverton-herald.example',
    `Riverton police are investigating a series of break-ins at the Keystone Storage units on Mill Road.
Lieutenant Carla Oyelaran said tools and bicycles were taken. Anyone with information is asked to call the Riverton Police Department.`),
];

/** The sentencing, eight months later: it names the day of the shooting, as such reports do. */
export const shootingA4 = art(
  'a4', 'Riverton man sentenced for bar shooting', '2024-11-08', 'channel9.example',
  `Dwayne Ostrander, 36, was sentenced Thursday to 12 years in prison for the March 2 shooting outside the Copper Kettle bar on Dunmore Avenue.
Judge Miriam Castellanos said Ostrander fired nine shots at Marcus Delavane and Theo Quimbly, who both survived.`,
);

export const corpus = [shootingA1, shootingA2, shootingA3, shootingB, council, shootingA1Copy, ...background];

/**
 * One story told over two weeks: a brief first report, two fuller ones, and the charge that
 * follows. The charge shares little with the brief report (the warehouse's name only) but
 * much with the fuller ones: what growing the story is for.
 */
export const warehouseFire = [
  art('w1', 'Fire guts Lantern Mill warehouse', '2024-05-07', 'corvale-post.example',
    `A fire destroyed the Lantern Mill warehouse in Corvale late Tuesday. No one was hurt, fire officials said.`),
  art('w2', 'Arson suspected in Lantern Mill blaze', '2024-05-08', 'channel9.example',
    `Investigators suspect arson in the fire that gutted the Lantern Mill warehouse in Corvale on Tuesday night.
Fire Chief Ada Brisko said accelerant was found near the loading dock. Owner Felix Marrow told reporters the building was insured for $2 million.
Brisko said the state fire marshal, Oren Takeda, would lead the investigation.`),
  art('w3', 'Fire marshal: Lantern Mill fire was set', '2024-05-10', 'statewire.example',
    `State fire marshal Oren Takeda confirmed on Friday that the Corvale warehouse fire was deliberately set.
Takeda said accelerant was poured near the loading dock. Chief Ada Brisko said owner Felix Marrow had been interviewed, and the insurance policy of $2 million was under review.`),
  art('w4', 'Warehouse owner charged with arson', '2024-05-21', 'riverton-herald.example',
    `Felix Marrow, 52, was charged with arson and insurance fraud on Tuesday, fire marshal Oren Takeda said.
Takeda said accelerant found near the loading dock of the Lantern Mill and the $2 million policy led investigators to Marrow. Chief Ada Brisko thanked the public for tips.`),
];
