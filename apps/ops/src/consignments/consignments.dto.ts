import { ApiProperty } from '@nestjs/swagger';
import { HoldSummaryView } from '../holds/holds.dto';

class RouteStopView {
  @ApiProperty({ enum: ['RECEIPT', 'LOADING', 'DISCHARGE', 'DELIVERY', 'TRANSSHIPMENT'] }) role!: string;
  @ApiProperty({ type: String, nullable: true }) unLocode!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

class PartyView {
  @ApiProperty() role!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) countryCode!: string | null;
}

class GoodsView {
  @ApiProperty({ type: [String] }) hsCodes!: string[];
  @ApiProperty() description!: string;
  @ApiProperty({ type: Number, nullable: true }) grossWeightKg!: number | null;
}

class ManifestChangeView {
  @ApiProperty() field!: string;
  @ApiProperty({ type: String, nullable: true }) before!: string | null;
  @ApiProperty({ type: String, nullable: true }) after!: string | null;
}

class ManifestVersionView {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: [ManifestChangeView] }) changes!: ManifestChangeView[];
}

class ContainerView {
  @ApiProperty() reference!: string;
  @ApiProperty({ type: [String] }) expectedSeals!: string[];
  @ApiProperty({ type: [String] }) observedSeals!: string[];
}

class MovementView {
  @ApiProperty() eventId!: string;
  @ApiProperty() eventCode!: string;
  @ApiProperty() classifier!: string;
  @ApiProperty({ format: 'date-time' }) eventDateTime!: string;
  @ApiProperty({ type: String, nullable: true }) location!: string | null;
  @ApiProperty({ type: String, nullable: true }) equipmentReference!: string | null;
}

class NoteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() author!: string;
  @ApiProperty({ description: 'as written; render as text, never as HTML' }) text!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class ActionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'hold.claimed' }) type!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) detail!: unknown;
}

export class ConsignmentStoryView {
  @ApiProperty({ type: HoldSummaryView, nullable: true }) hold!: HoldSummaryView | null;
  @ApiProperty({ type: [RouteStopView] }) route!: RouteStopView[];
  @ApiProperty({ type: [PartyView] }) parties!: PartyView[];
  @ApiProperty({ type: [GoodsView] }) goods!: GoodsView[];
  @ApiProperty({ type: [ManifestVersionView] }) manifestVersions!: ManifestVersionView[];
  @ApiProperty({ type: [ContainerView] }) containers!: ContainerView[];
  @ApiProperty({ type: [MovementView] }) movements!: MovementView[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'DecisionEvent (DESIGN.md), newest last',
  })
  decisions!: unknown[];
  @ApiProperty({ type: [NoteView] }) notes!: NoteView[];
  @ApiProperty({ type: [ActionView] }) actions!: ActionView[];
}
