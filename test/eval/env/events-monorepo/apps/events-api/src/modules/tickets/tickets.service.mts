import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

@Injectable()
export class TicketsService {
  private readonly logger = new Logger(TicketsService.name);
  private readonly s3 = new S3Client({ region: process.env.AWS_REGION });
  private readonly bucket: string;
  private readonly maxPerOrder: number;

  constructor(private readonly config: ConfigService) {
    this.bucket = this.config.getOrThrow<string>('S3_TICKETS_BUCKET');
    this.maxPerOrder = Number(process.env['MAX_TICKETS_PER_ORDER'] ?? 10);
  }

  async issue(orderId: string, pdf: Buffer): Promise<string> {
    const key = `${process.env.TICKETS_PREFIX ?? 'tickets'}/${orderId}.pdf`;
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: pdf }));
    this.logger.log(`issued ${key} (max ${this.maxPerOrder})`);
    return key;
  }
}
